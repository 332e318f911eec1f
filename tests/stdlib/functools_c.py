# functools picks up the C _functools: partial, reduce, cmp_to_key, lru_cache.
import functools, _functools, pickle, copy, sys
print(functools.partial is _functools.partial, functools.reduce is _functools.reduce,
      functools.cmp_to_key is _functools.cmp_to_key,
      functools._lru_cache_wrapper is _functools._lru_cache_wrapper)

def f(*args, **kw):
    return args, kw

p = functools.partial(f, 1, 2, a=3)
print(p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
q = functools.partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q())
print(repr(p).replace(hex(id(f)), "ADDR"), repr(functools.partial(len)))
p.attr = 1
r = functools.partial(p, 0)
print(r.func is p, r.args, p.__dict__)
class MyPartial(functools.partial):
    pass
m = MyPartial(f, 1)
print(type(m).__name__, m(2), repr(m).replace(hex(id(f)), "ADDR"))
print(p.__reduce__()[0] is functools.partial, p.__reduce__()[1][0] is f, p.__reduce__()[2][1:])
s = pickle.loads(pickle.dumps(functools.partial(max, 3, key=abs)))
print(s(-5, 1), s.args, s.keywords)
p2 = functools.partial(f)
p2.__setstate__((min, (1, 2), {"k": 1}, {"x": 2}))
print(p2.func, p2.args, p2.keywords, p2.x)
for bad in [lambda: functools.partial(), lambda: functools.partial(1),
            lambda: p2.__setstate__(1), lambda: p2.__setstate__((1, 2, 3, 4)),
            lambda: p2.__setstate__((f, [1], None, None)),
            lambda: functools.partial(f).__setstate__((f, (), None, None, 5))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(functools.partial[int], copy.copy(p)(), copy.deepcopy(p).args)
rec = functools.partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).replace(hex(id(f)), "ADDR"))

print(functools.reduce(lambda x, y: x * y, range(1, 7)), functools.reduce(max, [3], 0),
      functools.reduce(lambda x, y: x + y, [], "init"))
for bad in [lambda: functools.reduce(f, 1), lambda: functools.reduce(f, []),
            lambda: functools.reduce(), lambda: functools.reduce(f, [], 1, 2),
            lambda: functools.reduce(f, [1], initial=2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), key(1) < key(2),
      key(2) == key(2), key(3) >= key(4), key(5).obj, type(key).__name__)
for bad in [lambda: key(1) < 3, lambda: hash(key(1)), lambda: functools.cmp_to_key()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

calls = []
@functools.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in [1, 2, 1, 3, 2, 1]], calls, sq.cache_info(), sq.cache_parameters())
print(sq.__wrapped__.__name__, sq.__name__, sq.__doc__, type(sq).__name__)
sq.cache_clear()
print(sq.cache_info())

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@functools.lru_cache(maxsize=0)
def ident(x):
    return x
print(ident(1), ident(1), ident.cache_info())

@functools.lru_cache(typed=True)
def t(x, **kw):
    return type(x).__name__, kw
print(t(1), t(1.0), t(1, a=2), t(x=1, a=2), t.cache_info())

@functools.cache
def un(x):
    return [x]
print(un(1) is un(1), un.cache_info())

class A:
    @functools.lru_cache
    def m(self, x):
        return (self.__class__.__name__, x)
a = A()
print(a.m(1), a.m(1), A.m.cache_info(), A.m.__get__(None, A) is A.m)
print(copy.copy(sq) is sq, copy.deepcopy(sq) is sq, pickle.loads(pickle.dumps(fib)) is fib)
for bad in [lambda: functools.lru_cache(maxsize="x"), lambda: functools._lru_cache_wrapper(1, 1, False, None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

@functools.lru_cache(maxsize=3)
def boom(x):
    if x < 0:
        raise ValueError(x)
    return x
try:
    boom(-1)
except ValueError as e:
    print("raised", e, boom.cache_info())
print([boom(i % 5) for i in range(20)], boom.cache_info())
