m = memoryview(b'abcdef')
print(repr(m).startswith('<memory at 0x'), type(m).__name__)
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m.tolist())
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly, m.nbytes, m.obj)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.suboffsets)
print(m.hex(), m.hex(':'), m.hex('-', 2))
print(m == b'abcdef', m == b'abc', m != bytearray(b'abcdef'), m == 'x')
print(hash(m) == hash(b'abcdef'))
ba = bytearray(b'hello world')
mv = memoryview(ba)
mv[0] = ord('H')
mv[6:11] = b'WORLD'
print(ba)
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
mv.release()
ba.append(33); print(ba)
try: mv[0]
except ValueError as e: print(e)
print(repr(mv).startswith('<released memory at 0x'))
x = memoryview(bytearray(range(12)))
c = x.cast('i'); print(c.format, c.itemsize, c.shape, c.tolist())
d = x.cast('B', (3, 4)); print(d.shape, d.strides, d.tolist(), d[1, 2])
print(list(memoryview(b'xyz')))
with memoryview(b'abc') as q:
    print(q[1])
print(repr(q)[:20])
for bad in [lambda: memoryview(1), lambda: x.cast('ii'), lambda: c.cast('h'), lambda: memoryview(b'ab')[0:1].__setitem__(0, 1),
            lambda: hash(memoryview(bytearray(b'a'))), lambda: x[100], lambda: x.__setitem__(0, 300), lambda: x.__setitem__(0, 'a'),
            lambda: x.__delitem__(0), lambda: d[1], lambda: x[1:3].__setitem__(slice(0,2), b'abc'), lambda: x.cast('B', [5])]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
f = memoryview(bytearray(16)).cast('d'); f[0] = 1.5; f[1] = 2; print(f.tolist())
print(memoryview(b'ab').toreadonly().readonly, memoryview(bytearray(b'ab')).readonly)
# multi-dimensional views, strided copies, comparisons across formats
x = memoryview(bytearray(range(24))).cast('B', [2, 3, 4])
print(x.ndim, x.shape, x.strides, x[1, 2, 3], x.tolist()[1][0])
s = memoryview(bytearray(range(10)))[::3]
print(s.tolist(), s.tobytes(), s.hex(), s.c_contiguous, s.strides, s.nbytes)
print(memoryview(b'\x01\x00\x02\x00').cast('h') == memoryview(b'\x01\x02'))
print(memoryview(b'ab') == memoryview(b'ab'), memoryview(b'ab') != memoryview(b'ac'))
for bad in [lambda: memoryview(bytearray(4)).cast('e'), lambda: memoryview(b'ab').cast('B', [3])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(memoryview(b'abc').cast('c').tolist(), memoryview(b'\x00\x01').cast('?').tolist())
m0 = memoryview(b'\x05\x00\x00\x00').cast('i', []); print(m0.ndim, m0.shape, m0[()], m0.tolist())
nested = memoryview(memoryview(b'hello')[1:]); print(nested.tobytes(), nested.obj)
r = memoryview(bytearray(b'abc')); r2 = r[1:]; 
try: r.release()
except BufferError as e: print('BufferError', e)
