"""Benchmarks of learnloop: `python -m bench` (quick) or `python -m bench --full`.

Not part of the test suite. Each run prints a table and saves JSON with the machine it ran
on into bench/results/.
"""
