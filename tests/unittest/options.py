"""unittest command-line options: -k filtering, -f failfast, -q quiet, selecting Class.method.
Run through options.cmd (several invocations are not possible in one .cmd, so this one uses
-k and -f together; options_select.cmd selects a single method)."""
import unittest


class Opt(unittest.TestCase):
    def test_keep_first(self):
        pass

    def test_keep_fails(self):
        self.assertEqual("a", "b")

    def test_keep_never_reached(self):
        pass

    def test_other(self):
        raise AssertionError("filtered out by -k")


if __name__ == "__main__":
    unittest.main()
