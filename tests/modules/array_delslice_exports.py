# array: deleting extended slices with huge steps (used to overflow and crash), and
# resizing operations refused while a memoryview is exported, leaving the array intact;
# array is a registered collections.abc.MutableSequence.
import array
import collections.abc
import operator

for n, sl in [(5, slice(None, None, 2)), (5, slice(1, None, 2)), (5, slice(1, None, -2)),
              (10, slice(None, None, 1000)), (10, slice(9, None, 1 << 333)),
              (10, slice(0, None, 1 << 333)), (10, slice(None, None, -(1 << 333))),
              (10, slice(-1, None, -3)), (7, slice(2, 6, 3)), (0, slice(None, None, 5))]:
    for code in "bId":
        a = array.array(code, range(n))
        del a[sl]
        print(n, sl, a.tolist(), a[::1 << 333].tolist(), a[::-(1 << 100)].tolist())
a = array.array('h', range(10))
a[::1 << 333] = array.array('h', [99])
a[1::1 << 70] = array.array('h', [98])
print(a)

for code, init in [("b", [-1, 0, 1, 42, 127]), ("d", [1.5, -2.0, 3.25]), ("u", "abc")]:
    a = array.array(code, init)
    m = memoryview(a)
    expected = m.tobytes()
    for name, f in [("append", lambda: a.append(a[0])), ("extend", lambda: a.extend(a[0:1])),
                    ("remove", lambda: a.remove(a[0])), ("pop", lambda: a.pop(0)),
                    ("fromlist", lambda: a.fromlist(a.tolist())),
                    ("frombytes", lambda: a.frombytes(a.tobytes())),
                    ("imul2", lambda: operator.imul(a, 2)), ("imul0", lambda: operator.imul(a, 0)),
                    ("setslice", lambda: operator.setitem(a, slice(0, 0), a)),
                    ("delitem", lambda: operator.delitem(a, 0)),
                    ("delslice", lambda: operator.delitem(a, slice(0, 1))),
                    ("delext", lambda: operator.delitem(a, slice(None, None, 2)))]:
        try:
            f()
            print(code, name, "no error")
        except BufferError as e:
            print(code, name, "BufferError:", e)
        print(code, name, m.tobytes() == expected, a)
    a[0:1] = a[1:2]         # same size: allowed while exported
    print(a, m.tobytes() == expected)
    m.release()
    a.append(a[0])
    print(a)

print(isinstance(array.array('B'), collections.abc.MutableSequence),
      issubclass(array.array, collections.abc.Sequence))
