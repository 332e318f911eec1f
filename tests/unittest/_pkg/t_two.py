import unittest

class Two(unittest.TestCase):
    def test_alpha(self):
        pass

    def test_beta(self):
        raise RuntimeError("beta broke")

def load_tests(loader, tests, pattern):
    tests.addTest(Two("test_alpha"))
    return tests
