# bytearray(iterable) appends item by item (visible while the iterator runs) with 3.11's messages (test_bytes.test_init_alloc).
for a in (1.5, ['a'], iter([1, 300]), iter([1, 'x']), iter([1, 2, 3]), (x for x in [4, 5]), [1, 2], (3, 4), {5: 1}, b'ab', memoryview(b'cd'), range(3)):
    try: print(bytearray(a))
    except Exception as e: print(type(e).__name__, e)
b = bytearray()
def g():
    for i in range(1, 20):
        yield i
        assert len(b) == i, (len(b), i)
        assert b.__alloc__() > len(b)
b.__init__(g())
print(b)
