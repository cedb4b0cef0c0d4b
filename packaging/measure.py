"""Measure the built folder against the checkout: size, and start to the main window's first paint.

    .venv/bin/python packaging/measure.py [--runs 7] [--purchases 1000]

Both programs start on the same data folder (demo data, made by the checkout first) with
`--quit-after-paint` (inspector_app/ui/startup_probe.py), offscreen, one after the other in
alternation; prints the medians and the ratio as a Markdown table for tests/perf/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILT = ROOT / "dist" / "Inspector"


def first_paint_ms(cmd: list[str], env: dict[str, str]) -> float:
    env = {**env, "INSPECTOR_LAUNCHED_AT": repr(time.time())}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    for line in done.stdout.splitlines():
        if line.startswith("first paint:"):
            return float(line.split()[2])
    raise SystemExit(f"{cmd[0]}: no first paint ({done.returncode}): {done.stderr.strip()[-300:]}")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--purchases", type=int, default=1000)
    args = parser.parse_args()
    if not (BUILT / "inspector-app").is_file():
        print(f"no build in {BUILT}: make package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="inspector-measure-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
        env.update(INSPECTOR_DATA_DIR=tmp, QT_QPA_PLATFORM="offscreen")
        cli = [sys.executable, "-m", "inspector_app.cli.main"]
        subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
        subprocess.run([*cli, "demo", "--purchases", str(args.purchases)], env=env, check=True,
                       capture_output=True)
        checkout = [sys.executable, "-m", "inspector_app.ui.app", "--quit-after-paint"]
        built = [str(BUILT / "inspector-app"), "--quit-after-paint"]
        for cmd in (checkout, built):  # warm the page cache once each
            first_paint_ms(cmd, env)
        times: dict[str, list[float]] = {"checkout": [], "built": []}
        for _ in range(args.runs):
            times["checkout"].append(first_paint_ms(checkout, env))
            times["built"].append(first_paint_ms(built, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    size = folder_bytes(BUILT)
    print(f"| built folder size | {size / 2**20:.0f} MB | < 160 MB | {'pass' if size < 160 * 2**20 else 'FAIL'} |")
    ratio = med["built"] / med["checkout"]
    print(f"| start to first paint, checkout (`python -m inspector_app.ui.app`) | {med['checkout']:.0f} ms "
          f"(runs: {', '.join(f'{t:.0f}' for t in times['checkout'])}) | | |")
    print(f"| start to first paint, built (`dist/Inspector/inspector-app`) | {med['built']:.0f} ms "
          f"(runs: {', '.join(f'{t:.0f}' for t in times['built'])}) | | |")
    print(f"| built / checkout | {ratio:.2f}x | <= 1.2x | {'pass' if ratio <= 1.2 else 'FAIL'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
