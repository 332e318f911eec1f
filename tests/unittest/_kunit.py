"""Helper (not a test): behaves exactly as `python -m unittest` (unittest/__main__.py), but
with the runner's clock frozen so the "Ran N tests in 0.000s" line is deterministic.
Tests here run it through their .cmd file: `-m _kunit [unittest arguments]`."""
import sys
import types
import unittest.runner

unittest.runner.time = types.SimpleNamespace(perf_counter=lambda: 0.0)
sys.argv[0] = "python -m unittest"
__unittest = True
from unittest.main import main
main(module=None)
