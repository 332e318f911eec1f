# Runaway recursion raises RecursionError (never crashes), through every call path.
import sys

def f(): f()
try:
    f()
except RecursionError as e:
    print("plain:", e)

def g(n): return h(n)
def h(n): return g(n)
try:
    g(1)
except RecursionError as e:
    print("mutual:", e)

class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("__repr__:", e)

def k(**kw): return k(**kw)
try:
    k(a=1)
except RecursionError as e:
    print("**kw:", e)

def kk(a): return kk(a=a)
try:
    kk(1)
except RecursionError as e:
    print("keyword:", e)

class C:
    def __eq__(self, o): return self == o
try:
    C() == 1
except RecursionError as e:
    print("__eq__:", e)

def gen(n):
    yield from gen(n + 1)
try:
    next(gen(0))
except RecursionError as e:
    print("generator:", e)

# the interpreter is still usable afterwards
print(sum(range(10)), sys.getrecursionlimit())
