# gh-92888: an index or value whose __index__/__float__/__bool__ releases the memoryview
# must give "operation forbidden on released memoryview object", never touch freed memory.
size = 128
def release():
    global ba
    m.release()
    ba = bytearray(size)
class MyIndex:
    def __index__(self):
        release()
        return 4
class MyFloat:
    def __float__(self):
        release()
        return 4.25
class MyBool:
    def __bool__(self):
        release()
        return True

def attempt(label, f):
    try:
        print(label, f())
    except (ValueError, TypeError, IndexError) as e:
        print(label, type(e).__name__, e)

m = memoryview(bytearray(b"\xff" * size))
attempt("get", lambda: m[MyIndex()])
m = memoryview(bytearray(b"\xff" * size))
attempt("get slice", lambda: list(m[:MyIndex()]))
m = memoryview(bytearray(b"\xff" * size)).cast("B", (64, 2))
attempt("get 2d", lambda: m[MyIndex(), 0])
m = memoryview(bytearray(b"\xff" * size))
def setitem(key, value):
    m[key] = value
attempt("set", lambda: setitem(MyIndex(), 42))
m = memoryview(bytearray(b"\xff" * size))
attempt("set slice", lambda: setitem(slice(None, MyIndex()), b"spam"))
m = memoryview(bytearray(b"\xff" * size)).cast("B", (2, 64))
attempt("set 2d", lambda: setitem((0, MyIndex()), 42))
for fmt, value in (("B", MyIndex()), ("q", MyIndex()), ("d", MyFloat()), ("?", MyBool())):
    m = memoryview(bytearray(b"\xff" * size)).cast(fmt)
    attempt("set " + fmt, lambda: setitem(0, value))
    print(ba[:8])
