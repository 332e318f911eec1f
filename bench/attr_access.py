# attr_access: attribute reads and writes on instances with __dict__ (no __slots__: that is
# slots_attrs), class attributes, inherited attributes, getattr/setattr/hasattr with
# constant names, and small method calls (a micro-benchmark, issue 5).
class Base:
    scale = 3
    offset = 1

    def __init__(self, a):
        self.a = a
        self.b = a * 2
        self.c = 0


class Point(Base):
    dims = 2

    def __init__(self, a, y):
        Base.__init__(self, a)
        self.y = y

    def norm1(self):
        return abs(self.a) + abs(self.y)

    def move(self, dx):
        self.a += dx
        self.y -= dx


def work(n):
    p = Point(1, 2)
    q = Point(3, 4)
    total = 0
    for i in range(n):
        p.c = i
        total += p.a + p.b + p.c + p.y + q.a
        total += p.scale * q.offset + p.dims
        p.move(1)
        q.move(-1)
        total += p.norm1() - q.norm1()
        if hasattr(p, "y"):
            total += getattr(q, "b")
        setattr(q, "c", i & 15)
        total += q.c
    return total


print(work(1800000))
