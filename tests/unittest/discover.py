"""unittest discovery over tests/unittest/_pkg (pattern t_*.py, a package, load_tests).
The test itself is discover.cmd: krait -m _kunit discover -s _pkg -t . -p "t_*.py" -v"""
