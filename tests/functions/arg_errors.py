# argument binding: CPython's exact error messages
def f(x, y): pass
def g(a, /, b, *, k): pass
def h(p, q=1, *args, r, s=2, **kw): return (p, q, args, r, s, kw)

calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, y=2, z=3),
    lambda: f(1, x=2),
    lambda: g(a=1, b=2, k=3),
    lambda: g(1, 2),
    lambda: g(1, 2, 3),
    lambda: h(1),
    lambda: h(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
print(h(1, 2, 3, 4, r=5, t=6))
class A:
    def m(self, x): pass
try:
    A().m()
except TypeError as e:
    print(e)
