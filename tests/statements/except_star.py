# except*: splitting an ExceptionGroup between handlers, re-raise and new raises (PEP 654)
import sys

def show(label, e):
    print(label, type(e).__name__, repr(e))

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    show("V", e)
except* TypeError as e:
    show("T", e)

# unmatched part propagates
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("got V")
except ExceptionGroup as e:
    show("outer", e)

# naked exception is wrapped
try:
    raise ValueError(5)
except* ValueError as e:
    show("naked", e)
    print(type(e.exceptions), e.exceptions)

# a naked exception that does not match propagates unwrapped
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")
except KeyError as e:
    show("unwrapped", e)

# re-raise inside the handler keeps the original group structure
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("reraised", e)

# a new exception raised in a handler
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("boom")
except ExceptionGroup as e:
    show("raised", e)
    r = e.exceptions[0]
    show("first", r)
    show("context", r.__context__)

# sys.exc_info inside a handler is the matched group
try:
    raise ExceptionGroup("eg", [OSError(1)])
except* OSError:
    show("exc_info", sys.exc_info()[1])
print("after", sys.exc_info())

# else and finally
try:
    pass
except* ValueError:
    print("no")
else:
    print("else")
finally:
    print("finally")

def f():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError as e:
        print("in f", repr(e))
    finally:
        print("f finally")
    return e if False else "done"
print(f())

# the name is deleted after the handler
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError", e)

# invalid types
for t in (int, ExceptionGroup, (ValueError, ExceptionGroup)):
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* t:
            pass
    except TypeError as e:
        print("TypeError", e)

# nested groups
try:
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as e:
    show("nested V", e)
except* TypeError as e:
    show("nested T", e)

# loops in an except* body are fine
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError:
    for i in range(3):
        if i == 1:
            break
        continue
    print("loop ok", i)

for src in ("for x in y:\n  try: pass\n  except* E: break\n",
            "def f():\n  try: pass\n  except* E: return 1\n",
            "for x in y:\n  try: pass\n  except* E: continue\n"):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)

# unhandled: the traceback shows the group
raise ExceptionGroup("final", [ValueError("v"), TypeError("t")])
