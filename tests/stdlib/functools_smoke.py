import functools
@functools.lru_cache(maxsize=2)
def sq(x):
    print("compute", x); return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info()); sq.cache_clear(); print(sq.cache_info())
@functools.cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
p = functools.partial(int, base=2); print(p("101"), p.func, p.args, p.keywords)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def documented():
    "doc here"
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
@functools.singledispatch
def show(x): return "obj"
@show.register
def _(x: int): return "int"
@show.register(list)
def _(x): return "list"
print(show(1), show([]), show("s"), show(True))
class C:
    @functools.cached_property
    def val(self):
        print("once"); return 42
c = C(); print(c.val, c.val)
class M:
    @functools.singledispatchmethod
    def f(self, x): return "base"
    @f.register
    def _(self, x: str): return "str"
print(M().f(1), M().f("a"), functools.partialmethod.__name__)
