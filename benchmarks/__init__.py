"""Benchmarks for issue 8: run `python benchmarks/run.py` (see README.md)."""
