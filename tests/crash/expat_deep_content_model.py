# A deeply nested <!ELEMENT> content model given to an ElementDeclHandler must raise
# RecursionError, not overflow the C stack (pyexpat's content-model conversion recursed
# without a depth check). Found by tools/cpython_sweep.py (test_pyexpat SIGSEGV).
import sys
from xml.parsers import expat

N = 500_000
data = (b'<!DOCTYPE root [\n<!ELEMENT root ' + b'(a, ' * N + b'a' + b')' * N +
        b'>\n]>\n<root/>\n')
parser = expat.ParserCreate()
parser.ElementDeclHandler = lambda name, model: None
sys.setrecursionlimit(75)
try:
    parser.Parse(data)
    print("no error")
except RecursionError:
    print("RecursionError")
sys.setrecursionlimit(1000)

# A shallow model still arrives as nested tuples.
seen = []
parser = expat.ParserCreate()
parser.ElementDeclHandler = lambda name, model: seen.append((name, model))
parser.Parse(b'<!DOCTYPE r [\n<!ELEMENT r (a, (b | c)*)>\n]>\n<r/>\n', True)
print(seen)
