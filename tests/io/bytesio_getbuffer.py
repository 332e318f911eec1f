import io, pickle
b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m).__name__, bytes(m), len(m), m.readonly, type(m.obj).__name__)
m[0] = ord('X')
print(b.getvalue())
for op in (lambda: b.write(b'zz'), lambda: b.write(b''), lambda: b.truncate(2), lambda: b.close(),
           lambda: b.__setstate__((b'q', 0, None)), lambda: b.__init__(b'x'), lambda: b.writelines([b'a'])):
    try:
        op()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
print(b.read(3), b.seek(0), b.tell())
del m
b.write(b'12')
print(b.getvalue())
m1 = b.getbuffer(); m2 = b.getbuffer()
m1.release()
try:
    b.write(b'x')
except BufferError as e:
    print("still", e)
m2.release()
b.write(b'x'); print(b.getvalue())
with b.getbuffer() as m3:
    print(bytes(m3[1:3]))
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print(e)
e = io.BytesIO()
m = e.getbuffer(); print(len(m), bytes(m)); m.release()
print(pickle.loads(pickle.dumps([1, "a", {2: 3.5}])))
print(pickle.loads(pickle.dumps(list(range(100)), protocol=5))[-3:])
