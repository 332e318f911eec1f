# Class calls run as allocation + __init__ in the loop: results, errors, tracing.
import sys, abc, traceback

class P:
    def __init__(self, x, y=2, *, z=3):
        self.s = x + y + z

print(P(1).s, P(1, 5).s, P(1, z=10).s, P(x=4, y=1).s)
args = (1, 2)
print(P(*args).s, P(*args, **{"z": 0}).s)

class Bad:
    def __init__(self):
        return 42

def make_bad():
    return Bad()

try:
    make_bad()
except TypeError as e:
    print("TypeError:", e)
    tb = traceback.extract_tb(e.__traceback__)
    print([f.name for f in tb])

class Raises:
    def __init__(self, v):
        raise ValueError(v)

try:
    Raises("boom")
except ValueError as e:
    print("ValueError:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])

try:
    P()
except TypeError as e:
    print("TypeError:", e)
try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    def __init__(self):
        print("not reached")
try:
    A()
except TypeError as e:
    print("TypeError:", e)

class B(A):
    def f(self): return 1
    def __init__(self, v):
        super().__init__.__func__ if False else None
        self.v = v
print(B(7).v, type(B(7)).__name__)

class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a
print(M(3).a)

class Gen:
    def __init__(self):
        yield 1
try:
    Gen()
except TypeError as e:
    print("TypeError:", e)

# __init__ replaced after first calls
class C:
    def __init__(self):
        self.k = 1
for i in range(3):
    if i == 2:
        C.__init__ = lambda self: setattr(self, "k", 99)
    print(C().k, end=" ")
print()
def other_init(self):
    self.k = -1
C.__init__ = other_init
print(C().k)
del C.__init__
try:
    C(1)
except TypeError as e:
    print("TypeError:", e)
print(type(C()).__name__)

# self rebound / deleted inside __init__
class D:
    def __init__(self, n):
        self.n = n
        del self
print(D(5).n)

# frame introspection inside __init__
class E:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name
def maker():
    return E()
print(maker().caller)

# __new__ overridden: not the fast path, same results
class F:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.via_new = True
        return o
    def __init__(self, v):
        self.v = v
f = F(3)
print(f.via_new, f.v)

# recursion through __init__
class R:
    def __init__(self, n):
        self.child = R(n - 1) if n else None
def depth(r):
    d = 0
    while r is not None:
        d += 1
        r = r.child
    return d
print(depth(R(200)))
class Inf:
    def __init__(self):
        Inf()
try:
    Inf()
except RecursionError as e:
    print("RecursionError:", e)

# profiling and tracing see __init__ as a Python call
events = []
def prof(frame, event, arg):
    if event in ("call", "return", "c_call", "c_return"):
        events.append((event, frame.f_code.co_name, arg if event == "return" and arg is None else None))
class T:
    def __init__(self, x):
        self.x = x
def run():
    t = T(1)
    return t.x
sys.setprofile(prof)
run()
sys.setprofile(None)
print(events)
lines = []
def tracer(frame, event, arg):
    lines.append((event, frame.f_code.co_name, frame.f_lineno - run.__code__.co_firstlineno))
    return tracer
sys.settrace(tracer)
run()
sys.settrace(None)
print(lines)

# a subclass of a builtin with a Python __init__ is not object_new: generic path
class L(list):
    def __init__(self, *a):
        super().__init__(a)
print(L(1, 2, 3))

# instances are collected
import gc, weakref
class W:
    def __init__(self):
        self.me = self
w = weakref.ref(W())
gc.collect()
print(w())

# 3.11 counts a class call as two recursion levels (the call, then the __init__ frame),
# with "while calling a Python object" when the class call is the one that overflows
depth = 0
class Deep:
    def __init__(self):
        global depth
        depth += 1
        Deep()
try:
    Deep()
except RecursionError as e:
    print("RecursionError:", e, depth)
def via_func():
    return Deep()
sys.setrecursionlimit(60)
for k in range(3):
    depth = 0
    try:
        via_func()
    except RecursionError as e:
        print("RecursionError:", e, depth)
sys.setrecursionlimit(1000)

# class calls made from C (map, a class without __init__) count the same way
depth = 0
class FromC:
    def __init__(self, x):
        global depth
        depth += 1
        list(map(FromC, [x]))
try:
    FromC(0)
except RecursionError as e:
    print("RecursionError:", e, depth)
class NoInit:
    pass
def chain(n):
    NoInit()
    return chain(n + 1) if n < 10**6 else n
try:
    chain(0)
except RecursionError as e:
    print("RecursionError:", e)
print(type(NoInit()).__name__, NoInit.__call__ is type.__call__)
