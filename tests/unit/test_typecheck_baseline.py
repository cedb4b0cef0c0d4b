"""The type-check baseline only shrinks: new errors fail, fixed ones leave it."""

from __future__ import annotations

from collections import Counter

from inspector_app.tools import typecheck

OUTPUT = """\
inspector_app/a.py:10: error: Item "None" of "X | None" has no attribute "y"  [union-attr]
inspector_app/a.py:12:5: error: Item "None" of "X | None" has no attribute "y"  [union-attr]
inspector_app/a.py:12: note: Right operand is of type "int | None"
inspector_app\\b.py:3: error: Cannot assign to a method  [method-assign]
Found 3 errors in 2 files (checked 2 source files)
"""


def test_errors_drop_line_numbers_and_notes_and_count_repeats():
    assert typecheck.errors(OUTPUT) == Counter({
        'inspector_app/a.py: Item "None" of "X | None" has no attribute "y"  [union-attr]': 2,
        "inspector_app/b.py: Cannot assign to a method  [method-assign]": 1,
    })


def test_a_new_error_fails_and_a_fixed_one_shrinks_the_baseline(tmp_path):
    baseline = tmp_path / "baseline.txt"
    typecheck.write_baseline(typecheck.errors(OUTPUT), baseline)
    old = typecheck.read_baseline(baseline)
    assert sum(old.values()) == 3

    moved = OUTPUT.replace(":10:", ":40:").replace(":12:5:", ":41:")  # code above was edited
    assert typecheck.compare(typecheck.errors(moved), old) == (Counter(), Counter())

    one_more = OUTPUT + 'inspector_app/a.py:50: error: Item "None" of "X | None" has no attribute "y"  [union-attr]\n'
    new, fixed = typecheck.compare(typecheck.errors(one_more), old)
    assert sum(new.values()) == 1 and not fixed

    fewer = OUTPUT.replace("inspector_app\\b.py:3: error: Cannot assign to a method  [method-assign]\n", "")
    new, fixed = typecheck.compare(typecheck.errors(fewer), old)
    assert not new and list(fixed) == ["inspector_app/b.py: Cannot assign to a method  [method-assign]"]


def test_the_committed_baseline_is_sorted_and_well_formed():
    lines = typecheck.BASELINE.read_text("utf-8").splitlines()
    assert lines == sorted(lines)
    assert all(line.startswith("inspector_app/") and line.endswith("]") for line in lines)
