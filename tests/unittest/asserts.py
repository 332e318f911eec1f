"""Failure messages of the assert* methods (non-verbose run: the dots line, then each failure).
Run through asserts.cmd: krait -m _kunit asserts"""
import unittest
import warnings


class Messages(unittest.TestCase):
    maxDiff = None

    def test_equal_str_multiline(self):
        self.assertEqual("alpha\nbeta\ngamma\n", "alpha\nBETA\ngamma\n")

    def test_equal_dict(self):
        self.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3], "c": None})

    def test_equal_tuple_msg(self):
        self.assertEqual((1, 2), (1, 2, 3), "custom message")

    def test_not_equal(self):
        self.assertNotEqual(5, 5)

    def test_true_false(self):
        self.assertTrue(0)

    def test_is_none(self):
        self.assertIsNone("x")

    def test_in(self):
        self.assertIn(4, [1, 2, 3])

    def test_is(self):
        self.assertIs([], None)

    def test_isinstance(self):
        self.assertIsInstance(1, str)

    def test_almost_equal(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_greater(self):
        self.assertGreater(1, 2)

    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

    def test_regex(self):
        self.assertRegex("hello", r"^w")

    def test_raises_nothing(self):
        with self.assertRaises(ValueError):
            pass

    def test_raises_regex_mismatch(self):
        with self.assertRaisesRegex(ValueError, "expected"):
            raise ValueError("actual text")

    def test_raises_ok(self):
        with self.assertRaises(KeyError) as cm:
            {}["k"]
        self.assertEqual(cm.exception.args, ("k",))
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)

    def test_warns(self):
        with self.assertWarns(DeprecationWarning) as cm:
            warnings.warn("old", DeprecationWarning)
        self.assertEqual(str(cm.warning), "old")
        with self.assertWarns(UserWarning):
            pass

    def test_list_long(self):
        self.assertListEqual(list(range(10)), list(range(9)) + [99])

    def test_set(self):
        self.assertSetEqual({1, 2}, {2, 3})

    def test_sequence(self):
        self.assertSequenceEqual("abc", "abd")

    def test_long_message_off(self):
        self.longMessage = False
        self.assertEqual(1, 2, "only this")

    def test_fail(self):
        self.fail("explicit failure")

    def test_logs(self):
        import logging
        with self.assertLogs("demo", level="INFO") as cm:
            logging.getLogger("demo").info("first")
            logging.getLogger("demo").debug("hidden")
        self.assertEqual(cm.output, ["INFO:demo:first"])
        with self.assertLogs("quiet"):
            pass


if __name__ == "__main__":
    unittest.main()
