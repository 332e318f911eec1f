# zlib Compress/Decompress objects support copy.copy and copy.deepcopy (a stream copy);
# copying a flushed object is "Inconsistent stream state".
import copy, zlib
data = b"hello world " * 50
for func in (lambda o: o.copy(), copy.copy, copy.deepcopy):
    c0 = zlib.compressobj()
    part = c0.compress(data)
    c1 = func(c0)
    a = part + c0.compress(b"A" * 10) + c0.flush()
    b = part + c1.compress(b"B" * 10) + c1.flush()
    print(zlib.decompress(a)[-12:], zlib.decompress(b)[-12:])
    try:
        func(c0)
    except ValueError as e:
        print("compress:", e)
    comp = zlib.compress(data)
    d0 = zlib.decompressobj()
    first = d0.decompress(comp[:20])
    d1 = func(d0)
    print(first + d0.decompress(comp[20:]) == data, first + d1.decompress(comp[20:]) == data)
    d0.flush()
    print(type(func(d0)).__name__ if False else "ok")
