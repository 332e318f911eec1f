# array errors: messages identical to CPython's
import array
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)
a = array.array('i', [1, 2, 3])
t(lambda: a[3]); t(lambda: a['x']); t(lambda: a.__setitem__(5, 1)); t(lambda: a.__delitem__(-4))
t(lambda: a.index(9)); t(lambda: a.remove(9)); t(lambda: array.array('i').pop()); t(lambda: a.pop(7))
t(lambda: a + [1]); t(lambda: a + array.array('d')); t(lambda: a.extend(array.array('h')))
t(lambda: a.__iadd__([1])); t(lambda: a.__setitem__(slice(0, 1), [1])); t(lambda: a.__setitem__(slice(None, None, 2), array.array('i', [1])))
t(lambda: a.__setitem__(slice(0, 1), array.array('d', [1])))
t(lambda: a.frombytes(b'abc')); t(lambda: a.fromlist((1,))); t(lambda: a.fromunicode('x')); t(lambda: a.tounicode())
t(lambda: array.array('u', 'x').fromunicode(b'x')); t(lambda: array.array('u', ['ab']))
t(lambda: a.fromlist([4, 'x'])); print(a)
t(lambda: a.fromfile(None, -1)); t(lambda: array.array('i', 1)); t(lambda: array.array('i', [1], 2))
t(lambda: array._array_reconstructor(1, 'i', 0, b'')); t(lambda: array._array_reconstructor(int, 'i', 0, b''))
t(lambda: array._array_reconstructor(array.array, 'z', 0, b'')); t(lambda: array._array_reconstructor(array.array, 'i', 99, b''))
t(lambda: array._array_reconstructor(array.array, 'i', 8, 'x'))
t(lambda: array.array('x')); t(lambda: array.array(1)); t(lambda: array.array('i', 'str'))
for tc in 'bBhHiIlLqQ':
    for v in (-1, 2**31, 2**63, 2**64):
        try:
            array.array(tc, [v])
        except OverflowError as e:
            print(tc, v, e)
