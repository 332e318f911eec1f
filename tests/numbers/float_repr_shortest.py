# repr(float) is the shortest string that round-trips, which may round the last digit
# the "wrong" way (David Gay's mode 0), e.g. at powers of two.
import struct
print(2**-24, 2**-30, 2.0**-1074, 2.0**1023, 5e-324, 1.7976931348623157e308)
print([2.0**k for k in range(-60, -20, 3)])
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xffffffffffffffff
    return state
h = 0
for i in range(20000):
    v = struct.unpack('<d', struct.pack('<Q', rnd()))[0]
    r = repr(v)
    h = (h * 1000003 + sum(map(ord, r)) * 7 + len(r)) & 0xffffffffffff
for k in range(-1074, 1024):
    r = repr(2.0**k) + str(-(2.0**k) * 3)
    h = (h * 1000003 + sum(map(ord, r)) * 7 + len(r)) & 0xffffffffffff
print(h)
