"""mypy over inspector_app against a baseline that may only shrink: `python -m inspector_app.tools.typecheck`.

The baseline (mypy-baseline.txt at the top of the checkout) lists the errors the code had
when type checking started, one "path: message  [code]" a line, without line numbers so
that an edit above an old error does not make it new. The check fails (exit 1) when mypy
reports an error the baseline does not hold (or more of one kind in a file than it holds);
when errors were fixed it rewrites the baseline without them, to be committed with the fix.
`--update` rewrites it to whatever mypy reports now (only to accept errors on purpose).
"""

from __future__ import annotations

import argparse
import logging
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

logger = logging.getLogger(__name__)

#: The checkout the tool runs in (the directory holding pyproject.toml).
ROOT = Path(__file__).resolve().parents[2]
#: The accepted errors, sorted.
BASELINE = ROOT / "mypy-baseline.txt"
#: One error line of mypy's output: path:line[:column]: error: message  [code]
_ERROR = re.compile(r"^(?P<path>[^:\s]+\.pyi?):\d+(?::\d+)?: error: (?P<message>.*)$")


def run_mypy() -> str:
    """mypy's output over the package, configured by pyproject.toml's [tool.mypy]."""
    cmd = [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context",
           "--no-pretty", "--no-color-output", "--show-error-codes"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 2: mypy itself failed (configuration, crash)
        raise SystemExit(f"mypy did not run: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def errors(output: str) -> Counter[str]:
    """The errors of mypy's output as "path: message  [code]" (line numbers dropped), counted."""
    found: Counter[str] = Counter()
    for line in output.splitlines():
        match = _ERROR.match(line.strip())
        if match:
            found[f"{match['path'].replace(chr(92), '/')}: {match['message']}"] += 1
    return found


def read_baseline(path: Path = BASELINE) -> Counter[str]:
    if not path.exists():
        return Counter()
    return Counter(line for line in path.read_text("utf-8").splitlines() if line.strip())


def write_baseline(found: Counter[str], path: Path = BASELINE) -> None:
    path.write_text("".join(f"{line}\n" for line in sorted(found.elements())), "utf-8")


def compare(current: Counter[str], baseline: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """(new errors, fixed errors): what is reported beyond the baseline, and what is gone."""
    return current - baseline, baseline - current


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inspector_app.tools.typecheck")
    parser.add_argument("--update", action="store_true", help="accept every current error")
    args = parser.parse_args(argv)
    current = errors(run_mypy())
    if args.update:
        write_baseline(current)
        print(f"{BASELINE.name}: {sum(current.values())} errors accepted")
        return 0
    new, fixed = compare(current, read_baseline())
    if new:
        print(f"mypy: {sum(new.values())} new error(s) (not in {BASELINE.name}):")
        for line in sorted(new.elements()):
            print(f"  {line}")
        print("Run mypy to see where; fix them (the baseline only shrinks).")
        return 1
    if fixed:
        write_baseline(current)
        print(f"mypy: {sum(fixed.values())} error(s) fixed; {BASELINE.name} now holds "
              f"{sum(current.values())}: commit it")
    else:
        print(f"mypy: no new errors ({sum(current.values())} in {BASELINE.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
