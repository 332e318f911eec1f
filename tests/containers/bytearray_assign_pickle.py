# bytearray slice assignment from any iterable of ints, extended-slice deletion (also with
# huge steps), atomic extend, item assignment whose value resizes, pickling of iterators and
# of subclasses with __slots__ (state via __getstate__), __reduce_ex__ by protocol.
import pickle, sys

b = bytearray(b"abcdef")
b[1:3] = [120, 121, 122]
print(b)
b[0:2] = range(65, 68)
print(b)
b[::2] = (49 for _ in range(4))
print(b)
for v in (5, 3.0, "xy"):
    try:
        b[1:2] = v
    except TypeError as e:
        print("TypeError", e)

b = bytearray(b"abcdef")
b[1:5:2] = b""
print(b)
b = bytearray(range(20))
del b[1::sys.maxsize]
print(list(b))
b = bytearray(range(20))
del b[::-sys.maxsize]
print(len(b))

a = bytearray()
try:
    a.extend([0, 1, 2, 256])
except ValueError as e:
    print("ValueError", e, len(a))

class Boom:
    def __index__(self):
        b.clear()
        return 0
b = bytearray(b"Now you see me")
try:
    b[0] = Boom()
except IndexError as e:
    print("IndexError", e)

for seq in (b"abc", bytearray(b"abc")):
    it = iter(seq)
    next(it)
    print(it.__reduce__())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        print(list(pickle.loads(pickle.dumps(it, proto))), end=" ")
    print()
    it2 = iter(seq)
    it2.__setstate__(2)
    print(list(it2))
    for _ in it:
        pass
    print(it.__reduce__())

class B(bytearray):
    pass
x = B(b"ab\xff")
x.attr = 1
for proto in range(6):
    print(proto, x.__reduce_ex__(proto))
print(bytearray().__reduce_ex__(4), bytearray(b"a").__reduce__())

class SlotsB(bytearray):
    __slots__ = ("x", "y")
class SlotsS(set):
    __slots__ = ("x", "y")
class SlotsF(frozenset):
    __slots__ = ("x", "y")
for cls, arg in ((SlotsB, b"q"), (SlotsS, [1]), (SlotsF, [2])):
    o = cls(arg)
    o.x = 10
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        d = pickle.loads(pickle.dumps(o, proto))
        print(cls.__name__, proto, type(d).__name__, d.x, hasattr(d, "y"))

print(b"\xb9\x01\xef".hex(b"\x00") == "b9\x0001\x00ef", bytearray(b"\x01\x02").hex(":"))
for bad in (None, "\xff", b"\xff", 5):
    try:
        b"abc".hex(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# find-like methods parse like PyArg_ParseTuple("O|OO:find")
for f in (b"a".find, b"a".count, b"a".startswith, bytearray(b"a").rindex):
    for args in ((b"a", 1, 2, 3), ()):
        try:
            f(*args)
        except TypeError as e:
            print(e)
