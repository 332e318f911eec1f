# method_calls: method calls and instance-attribute access on ordinary classes (with __dict__),
# including inheritance, super(), properties and bound-method objects.
class Base:
    def __init__(self, x):
        self.x = x
        self.hits = 0

    def get(self):
        self.hits += 1
        return self.x

    def add(self, other):
        return self.x + other.get()


class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def get(self):
        return super().get() + self.y

    @property
    def total(self):
        return self.x + self.y


def work(n):
    a, b = Base(1), Derived(2, 3)
    s = 0
    get = b.get
    for i in range(n):
        s += a.get() + b.get() + a.add(b) + b.total + get()
        a.x = i & 7
        b.y = i & 3
    return s + a.hits + b.hits


print(work(1200000))
