# raytrace: a small ray tracer (spheres, a plane, diffuse+specular light, reflections)
# rendering into a list of pixels; prints a checksum of the image.
class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / self.dot(self) ** 0.5)


class Sphere:
    def __init__(self, centre, radius, colour, shine):
        self.c, self.r2, self.colour, self.shine = centre, radius * radius, colour, shine

    def hit(self, orig, d):
        oc = orig - self.c
        b = oc.dot(d)
        disc = b * b - (oc.dot(oc) - self.r2)
        if disc < 0:
            return None
        t = -b - disc ** 0.5
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.c).norm()


class Plane:
    def __init__(self, point, normal, colour, shine):
        self.p, self.n, self.colour, self.shine = point, normal, colour, shine

    def hit(self, orig, d):
        denom = self.n.dot(d)
        if abs(denom) < 1e-9:
            return None
        t = (self.p - orig).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


SCENE = [Sphere(Vec(0, 1, 5), 1, Vec(0.9, 0.2, 0.2), 0.3),
         Sphere(Vec(-2, 0.7, 6), 0.7, Vec(0.2, 0.9, 0.2), 0.5),
         Sphere(Vec(2, 0.5, 4), 0.5, Vec(0.2, 0.2, 0.9), 0.1),
         Plane(Vec(0, 0, 0), Vec(0, 1, 0), Vec(0.8, 0.8, 0.8), 0.2)]
LIGHT = Vec(-3, 5, 0)


def trace(orig, d, depth):
    best, obj = None, None
    for o in SCENE:
        t = o.hit(orig, d)
        if t is not None and (best is None or t < best):
            best, obj = t, o
    if obj is None:
        return Vec(0.1, 0.1, 0.2)
    p = orig + d.scale(best)
    n = obj.normal(p)
    to_light = (LIGHT - p).norm()
    shadow = any(o.hit(p, to_light) is not None for o in SCENE if o is not obj)
    diffuse = 0.0 if shadow else max(0.0, n.dot(to_light))
    colour = obj.colour.scale(0.1 + 0.9 * diffuse)
    if depth < 3 and obj.shine > 0:
        r = d - n.scale(2 * d.dot(n))
        colour = colour.scale(1 - obj.shine) + trace(p, r, depth + 1).scale(obj.shine)
    return colour


def render(w, h):
    eye = Vec(0, 1.2, -1)
    pixels = []
    for j in range(h):
        for i in range(w):
            d = Vec((i - w / 2) / w, (h / 2 - j) / h, 1).norm()
            c = trace(eye, d, 0)
            pixels.append((min(255, int(c.x * 255)), min(255, int(c.y * 255)),
                           min(255, int(c.z * 255))))
    return pixels


img = render(320, 240)
print(len(img), sum(r + 2 * g + 3 * b for r, g, b in img))
