# gc_small_objects: many small short- and long-lived objects (tuples, lists, dicts,
# instances with __slots__ and with __dict__) — the allocator and the generational
# collector's thresholds; part of the objects survive into the older generations.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Record:
    def __init__(self, key, value):
        self.key = key
        self.value = value


def work(n):
    keep = []
    checksum = 0
    for i in range(n):
        p = Point(i, i + 1)
        t = (p.x, p.y, i & 7)
        l = [t, i]
        d = {"a": i, "b": l}
        r = Record(i, d)
        checksum += r.value["b"][0][2] + p.y - p.x
        if i % 64 == 0:
            keep.append(r)          # long-lived survivors
        if len(keep) > 3000:
            keep = keep[1500:]
    return checksum + len(keep) + sum(r.key for r in keep) % 1000003


print(sum(work(400000) for _ in range(4)))
