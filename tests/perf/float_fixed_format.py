# The 'f' and '%' presentations of floats (format(), f-strings, str.format, %-formatting)
# through floatobject.c's printf-free fixed path: precisions 0..22, exact ties (to even),
# near-ties, '#' with precision 0, negative zero, values past 2**52 (the printf path),
# and number layout (fill, alignment, sign, zero padding, grouping) with those digits.
import hashlib

cases = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1e-7, 123456.789,
         4503599627370495.5, 4503599627370497.0, 1e22, 1e300, 5e-324, 0.05, 0.15, 0.25, 0.35]
for x in cases:
    print(x, "%.0f %.1f %.2f %.3f %#.0f %.10f %.17f" % ((x,) * 7))
    print(format(x, ".22f"), f"{x:+012.2f}", f"{x:_^20,.3f}", f"{x:.1%}", "{:=+15.4f}".format(x))
    print(f"{x:€>12.2f}|{x:.2F}|{-x:.3f}|{x:z.1f}")

h = hashlib.sha256()
state = 1234567
for i in range(50000):
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    mag = 10.0 ** ((state >> 40) % 16 - 6)
    x = ((state >> 11) / 2.0 ** 53 - 0.5) * mag
    if i % 4 == 0:
        x = ((state >> 20) % 1000000) / 10000 + 0.00005 * ((state >> 50) % 3 - 1)
    p = i % 12
    h.update(("%.*f" % (p, x)).encode())
    h.update(format(x, f".{p}%").encode())
print(h.hexdigest())
