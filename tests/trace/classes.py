# sys.settrace through class bodies, methods, properties, decorators, recursion
from _tr import trace


def deco(f):
    return f


def make_class():
    class Point:
        dims = 2

        def __init__(self, x):
            self.x = x

        def double(self):
            return self.x * 2

        def method(self):
            return self.double() + 1

    p = Point(3)
    return p.method()


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def mutual_a(n):
    return mutual_b(n - 1) if n else 'a'


def mutual_b(n):
    return mutual_a(n - 1) if n else 'b'


trace(make_class)
trace(fact, 3)
trace(mutual_a, 3)
