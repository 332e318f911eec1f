# float_arith: float arithmetic and comparisons, int/float mixes, builtins on floats
# (abs, round, min/max), math functions and float() / int() conversions (issue 5).
import math


def work(n):
    s = 0.0
    t = 1.0
    x = 0.5
    for i in range(1, n):
        x = x * 3.9 * (1.0 - x)
        y = i * 0.001 + x
        s += y * y - x / (y + 1.0)
        t = t * 0.999 + math.sqrt(y) - math.sin(x) * 0.5
        if y > 0.75:
            s -= abs(x - y)
        s += round(x, 3) + min(x, y) - max(x, 0.25)
        s += float(i % 10) + int(y * 10)
    return round(s, 6), round(t, 6), repr(x * 1e10)


print(*work(1500000))
