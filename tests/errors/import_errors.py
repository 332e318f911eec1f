# Import failures: messages, exception types and attributes as 3.11 reports them.
import sys
sys.path.insert(0, "impdata")
sys.dont_write_bytecode = True
try:
    from keyword import nonexistent
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
try:
    import no_such_module_x
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import plain.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkgx
except ImportError as e:
    print(type(e).__name__, str(e).split(" (/")[0])
print("pkgx" in sys.modules, "pkgx.sub" in sys.modules)
try:
    import circ_a
except ImportError as e:
    print(type(e).__name__, str(e).split(" (/")[0])
import plain
print(plain.X, plain.__name__, plain.__package__, plain.__spec__.name, plain.__file__)
print(__import__("plain") is plain)
try:
    from . import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(e)
try:
    __import__("plain", level=-1)
except ValueError as e:
    print(e)
from plain import X as Y
print(Y)
import no_such_module_at_top
