# array.array: construction, sequence/mapping protocol, slicing, methods, reprs
import array
a = array.array('i', range(10))
print(a, len(a), a[0], a[-1], a[2:5], a[::2], a[::-3], a[5:2], 3 in a, 42 in a)
a[1] = 100; a[-1] = -9; print(a)
a[2:4] = array.array('i', [7, 7, 7]); print(a)
a[::2] = array.array('i', [0] * len(a[::2])); print(a)
del a[1]; del a[::3]; del a[:2]; print(a)
a[len(a):] = array.array('i', [1, 2]); print(a)
a[1:1] = a; print(a)
b = array.array('d', (x / 2 for x in range(5))); print(b, b.tolist(), list(reversed(b)))
print(array.array('b', b'\x01\xff'), array.array('B', bytearray(b'ab')), array.array('H', array.array('H', [1, 2])))
c = array.array('l', [3, 1, 2])
c.append(5); c.extend((6, 7)); c.insert(-100, -1); c.insert(100, 99); c.fromlist([8])
print(c, c.pop(), c.pop(0), c.index(2), c.index(5, 2), c.count(7), c.remove(7), c)
c += array.array('l', [1]); c *= 2; print(c, c * 0, 2 * c[:2], c + array.array('l'))
u = array.array('u', 'spam'); u.fromunicode('eggs'); print(u, u.tounicode(), u[1], u[::-1])
q = array.array('Q', [2**64 - 1, 0]); print(q, array.array('q', [-2**63]), array.array('I', [2**32 - 1]))
f = array.array('f', [0.1, 1e39, -2.5]); print(f, f[0] == 0.1)
print(array.array('i') == array.array('i'), array.array('i', [1]) < array.array('i', [1, 0]),
      array.array('i', [2]) > array.array('d', [1.5]), array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]),
      array.array('d', [float('nan')]) == array.array('d', [float('nan')]))
print(array.array('h', [1, 2]).tobytes(), array.array('h', b'\x01\x00\x02\x00'), array.array('i', [1]).itemsize)
it = iter(array.array('B', [1, 2, 3])); next(it); print(it.__reduce__()[1:], list(it), it.__reduce__())
x = array.array('i', [1, 2]); y = x.__copy__(); y[0] = 9; print(x, y, x.buffer_info()[1], type(x.buffer_info()[0]))
print(array.array('i', [1, 2]).__reduce_ex__(2), array.array('b', [1]).__reduce_ex__(3))
print(array._array_reconstructor(array.array, 'i', 13, b'\x00\x00\x00\x00\x00\x00\x00\x05'))
print(array._array_reconstructor(array.array, 'd', 15, b'?\x80\x00\x00'), array._array_reconstructor(array.array, 'u', 19, b'\x00h\x00i'))
import pickle
for proto in range(5):
    p = pickle.loads(pickle.dumps(array.array('d', [1.5, -2.0]), proto)); print(proto, p)
class Sub(array.array):
    pass
s = Sub('i', [1, 2]); s.attr = 5
print(repr(s), type(s[:1]).__name__, type(s + s).__name__, s.__reduce_ex__(3)[2])
m = memoryview(array.array('h', [1, -2, 3])); print(m.format, m.itemsize, m.tolist(), m.nbytes)
ba = array.array('i', [1, 2, 3]); mv = memoryview(ba); mv[0] = 42; print(ba)
try:
    ba.append(4)
except BufferError as e:
    print("BufferError:", e)
mv.release(); ba.append(4); print(ba)
print(array.array('i', [5, 6]).__sizeof__() > 0, array.typecodes, array.ArrayType is array.array)
print(sorted(array.array('i', [3, 1, 2])), sum(array.array('d', [0.5, 0.25])))
bs = array.array('i', [1, 256]); bs.byteswap(); print(bs); bs.reverse(); print(bs)
import io
fobj = io.BytesIO(); array.array('i', [1, 2, 3]).tofile(fobj); fobj.seek(0)
r = array.array('i'); r.fromfile(fobj, 2); print(r)
try:
    r.fromfile(fobj, 5)
except EOFError as e:
    print("EOFError:", e, r)
