# try/except: handlers run, `as` names bind and are cleared, exc_info is restored.
import sys
try:
    len(3)
except TypeError:
    print("caught")
def g():
    try:
        raise ValueError("inner")
    except ValueError as e:
        print("caught", repr(e))
    try:
        e
    except NameError as ne:
        print("cleared:", type(ne).__name__)
g()
try:
    [][1]
except Exception as e:
    print(type(e).__name__, e)
try:
    raise ValueError(1)
except ValueError:
    print("ok", sys.exc_info()[0].__name__)
print(sys.exc_info())
try:
    raise KeyError(2)
except KeyError as e:
    print("context", e.__context__)
