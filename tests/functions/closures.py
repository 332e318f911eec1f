# cells, nonlocal, closures in loops, class-level names, zero-arg super
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
fs = [lambda i=i: i * i for i in range(4)]
print([f() for f in fs])
late = [lambda: i for i in range(3)]
print([f() for f in late])

class Base:
    def hello(self):
        return "base"
class Child(Base):
    def hello(self):
        return "child+" + super().hello()
print(Child().hello())
print(Child.hello.__qualname__, counter.__code__.co_cellvars, c.__code__.co_freevars)

def outer():
    x = 1
    class Inner:
        y = x + 1
        def get(self):
            return x, Inner.y
    return Inner().get()
print(outer())

def gen(n):
    total = yield "start"
    while n:
        total = (yield total) or total
        n -= 1
    return "done"
g = gen(2)
print(next(g), g.send(10), g.send(None))
try:
    g.send(5)
except StopIteration as e:
    print("stop", e.value)
print(list(x * 2 for x in range(5) if x % 2), {k: v for k, v in zip("ab", (1, 2))})
