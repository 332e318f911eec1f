# marshal: CPython's data format (version 4), round trips and error messages.
import marshal
words = "a b|x y|é€𝄞".split("|")
vals = [None, True, False, ..., StopIteration, 0, 1, -1, 2**31-1, -2**31, 2**31, -2**31-1,
        2**100, -(2**100), 1.5, -0.0, float('inf'), 3+4j, b"", b"bytes", (), (1, 2),
        [1, [2, 3]], {2: "b"}, {1, 2, 3}, frozenset({4})] + words + ["x y" * 100]
for v in vals:
    d = marshal.dumps(v)
    print(repr(v)[:40], d.hex()[:80], marshal.loads(d) == v)
print(marshal.version)
print(marshal.loads(marshal.dumps(vals)) == vals)
print(marshal.loads(marshal.dumps(vals, 2)) == vals, marshal.loads(marshal.dumps(vals, 0)) == vals)
shared = [float("1.5")]
pair = (shared, shared)
print(marshal.dumps(pair).hex())
back = marshal.loads(marshal.dumps(pair))
print(back, back[0] is back[1])
for bad in [b"", b"i\x01", b"?", b"r\x05\x00\x00\x00", b"(\x02\x00\x00\x00N", b"0"]:
    try:
        marshal.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(object())
except ValueError as e:
    print(e)
l = []
l.append(l)
print(marshal.loads(marshal.dumps(l)))
print(marshal.loads(bytearray(marshal.dumps((1, "a b")))))
