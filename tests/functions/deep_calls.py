# Python-to-Python calls (positional, keyword, *args/**kwargs, methods) do not use the
# C stack, so a high recursion limit allows very deep recursion.
import sys
sys.setrecursionlimit(100000)

def f(n): return 0 if n == 0 else 1 + f(n - 1)
print(f(100000 - 100))

def g(n, **kw): return 0 if n == 0 else 1 + g(n - 1, **kw)
print(g(15000, a=1))

def h(n, a=0): return 0 if n == 0 else 1 + h(n - 1, a=a)
print(h(15000))

def s(*args): return 0 if not args[0] else 1 + s(*(args[0] - 1,))
print(s(15000))

class A:
    def m(self, n): return 0 if n == 0 else 1 + self.m(n - 1)
    def mk(self, n): return 0 if n == 0 else 1 + self.mk(n=n - 1)
print(A().m(15000), A().mk(15000))

def kwargs_demo(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(kwargs_demo(1, c=3))
print(kwargs_demo(*[1, 2, 3], **{'c': 5, 'z': 6}))
try:
    kwargs_demo(1, **{1: 2})
except TypeError as e:
    print(e)
try:
    kwargs_demo(1, a=2, c=3)
except TypeError as e:
    print(e)
