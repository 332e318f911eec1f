import pickle, pickletools, io
from collections import namedtuple, OrderedDict
Pt = namedtuple("Pt", "x y")
class C:
    def __init__(self, a): self.a = a
    def __eq__(self, o): return type(o) is C and o.a == self.a
class S:
    def __init__(self): self.v = 1; self.tmp = "drop"
    def __getstate__(self): return {"v": self.v}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
obj = [1, -2, 2**70, 1.5, 1j, "str\u00e9", b"by", bytearray(b"ba"), None, True, (1,), {"k": [1, 2]}, {3}, frozenset({4}),
       Pt(1, 2), C([5]), OrderedDict(a=1), range(3), slice(1, 2), int, len, Ellipsis]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(obj, protocol=proto)
    back = pickle.loads(data)
    print(proto, back == obj, type(back[14]).__name__)
print(pickle.dumps([1, "a", None], protocol=2), pickle.dumps((1, 2), protocol=0))
print(pickle.dumps({"a": 1}, protocol=4))
s = pickle.loads(pickle.dumps(S())); print(s.__dict__)
r = []; r.append(r); r2 = pickle.loads(pickle.dumps(r)); print(r2[0] is r2)
buf = io.BytesIO(); pickle.Pickler(buf, 3).dump({"x": 1}); buf.seek(0); print(pickle.Unpickler(buf).load())
pickletools.dis(pickle.dumps((1, "a"), 2), out=io.StringIO()); print(pickletools.optimize(pickle.dumps("ab", 2)))
for bad in [lambda: pickle.dumps(lambda: 0), lambda: pickle.loads(b"garbage")]:
    try:
        bad()
    except (pickle.PicklingError, pickle.UnpicklingError, AttributeError, KeyError) as e:
        print(type(e).__name__)
