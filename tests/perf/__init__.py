"""Benchmarks at real size (docs/performance.md): `python -m tests.perf.run_bench` (`make bench`).

Not part of `make test` (pyproject's norecursedirs): each item is timed beside its raw
baseline in the same run and the table lands in tests/perf/RESULTS.md.
"""
