# float: create many Point objects, normalise and maximise them (pyperformance bm_float).
try:
    from math import sin, cos, sqrt
except ImportError:                         # keep working before `math` exists
    def sqrt(x):
        return x ** 0.5

    def sin(x):
        x = x % 6.283185307179586
        term, total, k = x, x, 1
        while abs(term) > 1e-17:
            term *= -x * x / ((2 * k) * (2 * k + 1))
            total += term
            k += 1
        return total

    def cos(x):
        return sin(x + 1.5707963267948966)


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def benchmark(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


total = 0.0
for _ in range(30):
    p = benchmark(50000)
    total += p.x + p.y + p.z
print(f"{total:.6f}")
