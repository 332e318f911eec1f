# pickle uses the C _pickle: exact bytes for every protocol, memo, persistent ids,
# reducer_override, dispatch_table, copyreg extensions, 2.x names, PickleBuffer, errors.
import pickle, _pickle, io, copyreg, collections, sys

print(pickle.Pickler is _pickle.Pickler, pickle.loads is _pickle.loads,
      pickle.PickleBuffer is _pickle.PickleBuffer, _pickle.UnpicklingError.__mro__[1].__name__)

class Plain:
    def __init__(self): self.a, self.b = 1, [2]
    def __eq__(self, o): return type(o) is Plain and o.__dict__ == self.__dict__
class Slots:
    __slots__ = ("x", "y")
    def __init__(self): self.x = 1
    def __eq__(self, o): return type(o) is Slots and o.x == self.x
class NewArgs(int):
    def __new__(cls, v): return super().__new__(cls, v)
    def __getnewargs_ex__(self): return ((int(self),), {})
class Reduced:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (Reduced, (self.v,), {"extra": 1}, iter([]), None)
    def __eq__(self, o): return type(o) is Reduced and o.v == self.v
class WithSetter:
    def __reduce__(self):
        return (WithSetter, (), {"s": 1}, None, None, WithSetter.setter)
    @staticmethod
    def setter(obj, state): obj.got = state

Point = collections.namedtuple("Point", "x y")
big = list(range(2500))
rec = []; rec.append(rec)
tup = ([],); tup[0].append(tup)
values = [0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, 2**64, -2**100,
          0.0, -1.5, 1e300, float("inf"), "", "a", "\u20ac\U0001f600\ud800", "x" * 300,
          b"", b"ab", b"\xff" * 300, bytearray(b"xy"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
          [], [1], [1, 2], {}, {"a": 1}, {1: 2, 3: 4}, set(), {1, 2}, frozenset(), frozenset({5}),
          None, True, False, Ellipsis, NotImplemented, type(None), type(...), int, len,
          collections.OrderedDict, Plain(), Slots(), NewArgs(7), Reduced(3), Point(1, 2),
          range(5), slice(1, 2, 3), complex(1, 2), big, rec, tup, [Plain(), Plain()]]
same = 0
for proto in range(6):
    for v in values:
        if proto < 2 and type(v) is Slots:
            continue   # needs copyreg.__newobj__
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        if v is rec:
            ok = back[0] is back
        elif v is tup:
            ok = back[0][0] is back
        elif isinstance(v, float) and v != v:
            ok = back != back
        else:
            ok = back == v and type(back) is type(v)
        if not ok:
            print("MISMATCH", proto, repr(v)[:40], repr(back)[:40])
        same += ok
    print(proto, pickle.dumps([1, "a", (2,), {3: b"x"}], proto))
print(same, "round trips")
print(pickle.dumps(values[:45], 2)[:200])
print(len(pickle.dumps(values, 4)), len(pickle.dumps([v for v in values if type(v) is not Slots], 0)))
w = pickle.loads(pickle.dumps(WithSetter(), 4)); print(w.got)

# file interface: several pickles in one stream, position after each
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump([1, 2]); p.dump("x"); p.dump({"k": (1,)})
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), f.tell(), u.load(), u.load(), f.read())

# memo and memo proxies
f = io.BytesIO(); p = pickle.Pickler(f, 2); shared = [1]
p.dump(shared); p.dump(shared)
print(len(p.memo.copy()), f.getvalue())
p.clear_memo(); print(p.memo.copy())
u = pickle.Unpickler(io.BytesIO(pickle.dumps([[1], [2]], 2))); u.load()
print(sorted(u.memo.copy().items()))

# persistent ids
class PP(pickle.Pickler):
    def persistent_id(self, obj):
        return "P%d" % obj if isinstance(obj, int) and obj > 100 else None
class PU(pickle.Unpickler):
    def persistent_load(self, pid):
        return int(pid[1:]) * 10
for proto in (0, 2, 4):
    f = io.BytesIO(); PP(f, proto).dump([1, 500, "s"])
    print(proto, f.getvalue(), PU(io.BytesIO(f.getvalue())).load())
try:
    pickle.loads(b"P1\n.")
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)

# reducer_override and dispatch_table
class RO(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is len:
            return (str, ("len-replaced",))
        return NotImplemented
f = io.BytesIO(); RO(f, 4).dump([len, 1]); print(pickle.loads(f.getvalue()))
f = io.BytesIO(); p = pickle.Pickler(f, 2)
p.dispatch_table = {Plain: lambda o: (str, ("plain!",))}
p.dump([Plain(), Reduced(1)]); print([x if isinstance(x, str) else type(x).__name__ for x in pickle.loads(f.getvalue())])

# the copyreg extension registry
copyreg.add_extension(__name__, "Plain", 240)
copyreg.add_extension(__name__, "Reduced", 70000)
try:
    for proto in (1, 2, 4):
        d = pickle.dumps([Plain, Reduced], proto)
        print(proto, d, pickle.loads(d) == [Plain, Reduced])
finally:
    copyreg.remove_extension(__name__, "Plain", 240)
    copyreg.remove_extension(__name__, "Reduced", 70000)

# Python 2 names and strings
print(pickle.dumps(range, 2), pickle.dumps(range, 2, fix_imports=False))
print(pickle.loads(b"c__builtin__\nxrange\n(I3\ntR."), pickle.loads(b"cexceptions\nStandardError\n."))
print(pickle.loads(b"U\x03abc.", encoding="bytes"), pickle.loads(b"S'h\\xe9'\n.", encoding="latin1"),
      pickle.loads(b"T\x02\x00\x00\x00hi."))

# protocol 5 buffers
data = bytearray(b"abcdef")
pb = pickle.PickleBuffer(data)
print(bytes(pb.raw()), pickle.dumps(pb, 5), pickle.dumps(pickle.PickleBuffer(b"ro"), 5))
bufs = []
d = pickle.dumps([pb, pickle.PickleBuffer(b"ro")], 5, buffer_callback=bufs.append)
back = pickle.loads(d, buffers=bufs)
print(d, len(bufs), type(back[0]).__name__, bytes(back[0]), type(back[1]).__name__, memoryview(back[1]).readonly)
pb.release()
for bad in [lambda: pickle.dumps(pickle.PickleBuffer(b"x"), 4), lambda: pb.raw(),
            lambda: pickle.dumps(1, 4, buffer_callback=print), lambda: pickle.loads(b"\x80\x05\x97.")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# framing: large pickles are split into frames
d = pickle.dumps([b"x" * 100000, list(range(30000))], 4)
print(len(d), d[:12], pickle.loads(d)[1][-1])
f = io.BytesIO(); pickle.dump(["y" * 70000, 1], f, 5); print(len(f.getvalue()), pickle.load(io.BytesIO(f.getvalue()))[1])

# errors
def local_fn():
    def inner(): pass
    return inner
for bad in [lambda: pickle.dumps(lambda: 0), lambda: pickle.dumps(local_fn()),
            lambda: pickle.dumps(1, 6),
            lambda: pickle.dumps(iter([])), lambda: pickle.Pickler(1),
            lambda: pickle.Unpickler(1), lambda: pickle.loads("str"),
            lambda: pickle.loads(b""), lambda: pickle.loads(b"garbage"), lambda: pickle.loads(b"\x80\x09."),
            lambda: pickle.loads(b"(."), lambda: pickle.loads(b"0"), lambda: pickle.loads(b"\xff"),
            lambda: pickle.loads(b"I12x\n."), lambda: pickle.loads(b"F1.5x\n."),
            lambda: pickle.loads(b"Sabc\n."), lambda: pickle.loads(b"\x8a\x02\xff"),
            lambda: pickle.loads(b"\x80\x02cnope\nx\n."), lambda: pickle.loads(b"(K\x01d."),
            lambda: pickle.loads(b"\x82\x01."), lambda: pickle.loads(b"h\x05."),
            lambda: pickle.loads(b"\x80\x04\x8c\x01x\x8c\x01y\x93."),
            lambda: pickle.loads(b"\x80\x04K\x01K\x02\x93."),
            lambda: pickle.loads(b"\x80\x02K\x01)\x81."), lambda: pickle.loads(b"}K\x01b."),
            lambda: pickle.Pickler.dump(pickle.Pickler.__new__(pickle.Pickler), 1)]:
    try:
        print(repr(bad())[:60])
    except Exception as e:
        print(type(e).__name__, str(e).replace(hex(id(local_fn)), "ADDR")[:110])
class Deep: pass
x = None
for i in range(100000):
    x = [x]
try:
    pickle.dumps(x)
except RecursionError as e:
    print("RecursionError", e)
