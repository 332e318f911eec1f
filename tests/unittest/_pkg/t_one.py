import unittest

class One(unittest.TestCase):
    def test_one(self):
        self.assertEqual("one".upper(), "ONE")

    def test_two(self):
        self.assertEqual(2 * 2, 5)
