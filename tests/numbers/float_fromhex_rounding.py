# float.fromhex rounds correctly (ties to even, subnormals) and rejects embedded NULs
# (test_float.HexFloatTestCase); glibc's strtod misrounds some hex subnormals.
import random
cases = ['0x0.ffffffffffffecp-1022', '0x0.fffffffffffff8p-1022', '0x1.00000000000008p0',
         '0x1.00000000000018p0', '0x1.000000000000080001p0', '0x0.0000000000001p-1022',
         '0x0.00000000000008p-1022', '0x0.00000000000008000001p-1022', '0x0.00000000000004p-1022',
         '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffffp1023', '-0x0p0', '0x.8', '1.', 'f.fp-2',
         '0X1P-1074', '0x1p-1075', '0x1.0000000001p-1075', '0x0000000000000001p0', '0x1p+10000000000000',
         '0x1p-10000000000000', ' 0x1p0 ', '0x1p0\x00 0x1p0', '0x', '0x.p1', '0x1p', 'inf', '-nan']
for c in cases:
    try:
        print(repr(c), float.fromhex(c).hex())
    except (ValueError, OverflowError) as e:
        print(repr(c), type(e).__name__, e)
rnd = random.Random(5)
bad = 0
for _ in range(3000):
    m = ''.join(rnd.choice('0123456789abcdef') for _ in range(rnd.randint(1, 20)))
    s = '0x%s.%sp%d' % (m[:3], m[3:], rnd.randint(-1100, 1030))
    try:
        v = float.fromhex(s)
    except OverflowError:
        continue
    if float.fromhex(v.hex()) != v:
        bad += 1
print('round trip mismatches:', bad)
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1.999999999999ap-4'))
