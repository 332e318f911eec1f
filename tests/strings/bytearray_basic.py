# bytearray: mutation, slices, methods returning bytearray
b = bytearray(b"hello")
b[0] = 72
b.append(33)
b.extend(b"??")
b.extend([65, 66])
b.insert(0, 62)
print(b, len(b), b.pop(), b.pop(0), b)
b[1:3] = b"XYZ"
print(b)
del b[::2]
print(b)
b[::2] = b"ab"
print(b, b.find(b"b"), b.count(b"a"), b.upper(), type(b.upper()).__name__, b.decode())
b.remove(97)
b.reverse()
print(b, bytearray(3), bytearray("é", "utf-8"), bytearray([1, 2]) + b"c", bytearray(b"ab") * 2, b.copy() == b, b.hex())
b.clear()
print(b, repr(bytearray()), bytearray(b"a'b"), bytearray.fromhex("41 42"), bytearray(b"x y").split(), bytearray(b" x ").strip())
c = bytearray(b"abc")
c += b"def"
c *= 2
del c[:3]
print(c, c[0], c[-1], c[1:4], list(c[:2]), 100 in c)
for f in [lambda: c.__setitem__(0, 256), lambda: c.pop(100), lambda: bytearray().pop(), lambda: c.remove(1), lambda: hash(c), lambda: c.__setitem__(slice(0, 4, 2), b"xyz")]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
