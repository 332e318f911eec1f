# Extended slices whose step is near sys.maxsize: the index arithmetic must not overflow
# (UBSan) and the results are CPython's.
import array
import sys

M = sys.maxsize
for seq in (b"abcdef", bytearray(b"abcdef"), "abcdef", "ab\u20acdef", [1, 2, 3, 4, 5, 6],
            (1, 2, 3, 4, 5, 6), array.array('b', range(6)), memoryview(b"abcdef"), range(6)):
    got = [seq[::M], seq[1::M], seq[::-M], seq[-1::-M], seq[2:5:M], seq[5:0:-M]]
    print(type(seq).__name__, [bytes(g) if isinstance(g, memoryview) else g for g in got])

for mk in (bytearray, list, lambda s: array.array('b', s)):
    x = mk(b"abcdef")
    x[::M] = mk(b"z")
    x[1::M] = mk(b"y")
    del x[::-M]
    print(x)
