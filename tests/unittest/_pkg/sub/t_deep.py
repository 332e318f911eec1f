import unittest

class Deep(unittest.TestCase):
    def test_deep(self):
        self.assertTrue(__name__.endswith("sub.t_deep"), __name__)
