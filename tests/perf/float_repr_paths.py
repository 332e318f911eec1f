# repr of floats through each path of floatobject.c's shortest_digits: integral values
# below and above 2**53, values of at most 15 significant digits, 16- and 17-digit ones,
# values whose shortest string rounds the other way, subnormals, extremes, and random bit
# patterns; each must be the shortest round-tripping string CPython prints.
import struct
import hashlib

samples = [0.0, -0.0, 1.0, 10.0, 100.0, 1e15, 1e16, 1e17, 123456789012345.0,
           9007199254740991.0, 9007199254740992.0, 9007199254740993.0, 2.0 ** 53 + 2,
           2.0 ** 63, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-5, 1.5e-7, 5e-324,
           2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
           2 ** -24, 9.999999999999999e22, 1e23, 8.41e21, 5e-310, 4.35e-320,
           123.456, 0.001, 1234567.125, 3.141592653589793, 2.718281828459045,
           1.0000000000000002, 0.9999999999999999, 4.5, 0.5e-4, 1e-4, 1e100]
for x in samples:
    print(repr(x), repr(-x), str(x))

h = hashlib.sha256()
state = 88172645463325252
count = 0
for i in range(60000):
    state ^= (state << 13) & 0xFFFFFFFFFFFFFFFF
    state ^= state >> 7
    state ^= (state << 17) & 0xFFFFFFFFFFFFFFFF
    bits = state
    if i % 3 == 1:      # a narrower exponent range: ordinary magnitudes
        bits = (bits & 0x800FFFFFFFFFFFFF) | ((1023 - 30 + bits % 60) << 52)
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if x != x or x in (float("inf"), float("-inf")):
        continue
    r = repr(x)
    assert float(r) == x, r
    h.update(r.encode())
    count += 1
    if i % 4 == 0:       # short decimals: k digits after the point
        y = round(x, i % 7) if abs(x) < 1e12 else x
        h.update(repr(y).encode())
        h.update(repr(y * 0.5).encode())
print(count, h.hexdigest())

# round(x, n): the fma fast path (n <= 22, |x| * 10**n < 2**52) against the decimal one,
# including exact ties (0.125, 2.5), near-ties and negative zero results.
for x, n in [(0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (-2.5, 0), (2.675, 2), (1.005, 2),
             (-0.0001, 2), (-0.0, 3), (0.5, 0), (1.5, 0), (1e15 + 0.5, 0), (4503599627370495.5, 0),
             (123.456789, 22), (0.1, 20), (5e-324, 3), (1.7976931348623157e308, 2),
             (2.5e-5, 5), (7.5e-5, 5), (0.45, 1), (1234.5678, 3)]:
    print(x, n, repr(round(x, n)))
h = hashlib.sha256()
state = 2463534242
for i in range(40000):
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    mag = 10.0 ** ((state >> 40) % 14 - 6)
    x = ((state >> 11) / 2.0 ** 53 - 0.5) * mag
    if i % 5 == 0:
        x = ((state >> 20) % 100000) / 1000 + 0.0005   # many near-ties
    h.update(repr(round(x, i % 9)).encode())
print(h.hexdigest())
