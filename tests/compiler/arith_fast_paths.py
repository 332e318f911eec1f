# int/float fast paths in BINARY_OP and COMPARE_OP must match the generic results,
# including overflow to big ints, floor semantics, division by zero and NaN.
import sys
M = sys.maxsize
vals = [0, 1, -1, 7, -7, 3, 255, 256, -5, -6, M, -M - 1, 2**62, 2**63, 1.5, -2.25, 0.0,
        -0.0, float("inf"), float("nan"), True]
names = ["+", "-", "*", "//", "%", "&", "|", "^", ">>", "<<", "/"]
for a in vals:
    for b in vals:
        row = []
        for n in names:
            try:
                if n == "<<" and isinstance(b, int) and b > 100:
                    r = "skip"
                else:
                    r = repr(eval("a %s b" % n))
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            row.append(r)
        x = a
        try:
            x += b
            x -= b
            x *= b
            x /= b
        except Exception as e:
            x = type(e).__name__
        print(repr(a), repr(b), " ".join(row), repr(x))
        print(a < b, a <= b, a == b, a != b, a > b, a >= b)
for a in [1, 2**40, 2**52 + 1, 2**53 + 1, -(2**53) - 1, 10**17]:
    print([a / b for b in [3, 7, 2**53 + 1, 10**17 + 3]])
# s += t grows the string in place only when nothing else sees it
s = "ab"
t = s
for i in range(5):
    s += "c"
print(s, t)
def build():
    s = ""
    for i in range(10):
        s += str(i)
    u = s
    s += "x"
    return s, u
print(build())
