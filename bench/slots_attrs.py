# slots_attrs: attribute reads and writes on __slots__ classes, compared with method_calls.
class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z


class Particle:
    __slots__ = ("pos", "vel", "mass")

    def __init__(self, i):
        self.pos = Vec(i, i + 1, i + 2)
        self.vel = Vec(1, -1, 2)
        self.mass = i % 5 + 1

    def step(self):
        p, v = self.pos, self.vel
        p.x += v.x
        p.y += v.y
        p.z += v.z
        return p.dot(v) * self.mass


def work(n, steps):
    ps = [Particle(i) for i in range(n)]
    total = 0
    for _ in range(steps):
        for p in ps:
            total += p.step()
    return total


print(work(1000, 2800))
