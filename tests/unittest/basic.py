"""unittest -v: passes, failures, errors, skips, expected failures, subTest, fixtures order.
Run through basic.cmd: krait -m _kunit -v basic"""
import unittest

log = []

def setUpModule():
    print("setUpModule")

def tearDownModule():
    print("tearDownModule", log)


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def setUp(self):
        log.append("setUp:" + self._testMethodName)
        self.addCleanup(log.append, "cleanup:" + self._testMethodName)

    def tearDown(self):
        log.append("tearDown")

    def test_a_pass(self):
        self.assertEqual(1 + 1, 2)

    def test_b_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_c_error(self):
        {}["missing"]

    def test_d_docstring(self):
        """First line of the docstring shows in -v output."""
        self.assertTrue(True)


class Skips(unittest.TestCase):
    @unittest.skip("always skipped")
    def test_skip(self):
        pass

    @unittest.skipIf(True, "condition true")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(False, "condition false")
    def test_skip_unless(self):
        pass

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_never(self):
        raise AssertionError


class Sub(unittest.TestCase):
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i, parity="even" if i % 2 == 0 else "odd"):
                self.assertEqual(i % 2, 0)

    def test_subtest_msg(self):
        with self.subTest("labelled"):
            self.assertIn("x", "abc")


if __name__ == "__main__":
    unittest.main()
