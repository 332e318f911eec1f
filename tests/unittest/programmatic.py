"""unittest's API used from a program: loaders, suites, TestResult, a runner writing to stdout."""
import io
import sys
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        pass

    def test_bad(self):
        self.assertEqual(1, 2)

    def test_err(self):
        raise ValueError("boom")

    @unittest.skip("nope")
    def test_skipped(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(T))
suite = loader.loadTestsFromTestCase(T)
print(suite.countTestCases(), [t.id() for t in suite])
result = unittest.TestResult()
suite.run(result)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), result.wasSuccessful())
print([(t.id(), tb.splitlines()[-1]) for t, tb in result.failures + result.errors])
print(result.skipped[0][0].id(), result.skipped[0][1])
print(repr(T("test_ok")), str(T("test_ok")), T("test_ok") == T("test_ok"), T("test_ok").shortDescription())
fn = unittest.FunctionTestCase(lambda: None, description="a function test")
print(fn, fn.shortDescription())
s2 = unittest.TestSuite([T("test_ok"), unittest.TestSuite([T("test_bad")])])
print(s2.countTestCases())
stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
res = runner.run(unittest.TestSuite([T("test_ok"), T("test_skipped")]))
out = stream.getvalue()
print(out[: out.index("Ran")] + out[out.index("\n", out.index("Ran")):])
print(res.wasSuccessful(), res.testsRun)
prog = unittest.main(module=__name__, argv=["prog", "T.test_ok"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(prog.result.testsRun, prog.result.wasSuccessful())
try:
    unittest.main(module=__name__, argv=["prog", "T.test_bad"],
                  testRunner=unittest.TextTestRunner(stream=io.StringIO()))
except SystemExit as e:
    print("SystemExit", e.code)
