# Instantiating classes (the vectorcall path of type_new classes) behaves like type_call.
import abc
class A:
    def __init__(self, *a, **k): self.a = a; self.k = k
print(A().a, A(1, 2).a, A(1, x=2).k, A(*range(20)).a, A(*range(20), **{str(i): i for i in range(5)}).k)
class B:
    def __init__(self): return 5
try: B()
except TypeError as e: print(e)
class C:
    pass
try: C(1)
except TypeError as e: print(e)
try: C(x=1)
except TypeError as e: print(e)
print(type(C()).__name__)
class D:
    def __init__(self, x): self.x = x
try: D()
except TypeError as e: print(e)
try: D(1, 2)
except TypeError as e: print(e)
D.__init__ = lambda self, x, y: setattr(self, 'x', x + y)
print(D(1, 2).x)
del D.__init__
try: D(1)
except TypeError as e: print(e)
print(type(D()).__name__)
D.__new__ = lambda cls, *a: "new!"
print(D(1, 2, 3))
class Abs(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    def __init__(self, x): pass
try: Abs(1)
except TypeError as e: print(e)
class Call:
    def __call__(self, obj, *a): print("callable init", type(obj).__name__, a)
class E:
    __init__ = Call()
print(type(E(1, 2)).__name__)
class F:
    @staticmethod
    def __init__(*a): print("static init", len(a))
F(1)
class G:
    def __init__(self, x):
        raise ValueError(x)
try: G(3)
except ValueError as e: print("VE", e)
class H(dict):
    def __init__(self, *a, **k): super().__init__(*a, **k); self.extra = 1
print(H(a=1), H(a=1).extra)
class I(int):
    def __init__(self, v): self.v = v
print(I(5), I(5).v)
class J:
    __slots__ = ('a',)
    def __init__(self, a): self.a = a
print(J(4).a)
class K:
    def __init__(self, x=1, *, y=2): self.s = x + y
print(K().s, K(5).s, K(5, y=6).s, K(x=1, y=1).s)
try: K(z=1)
except TypeError as e: print(e)
import functools
class L:
    __init__ = functools.partialmethod(lambda self, a, b: setattr(self, 's', a + b), 10)
print(L(5).s)
class M:
    def __init__(self, x): self.x = x
    __init__ = classmethod(lambda cls, x: print("cm init", cls.__name__, x))
M(2)
class N:
    def __new__(cls, *a): return super().__new__(cls)
    def __init__(self, a): self.a = a
print(N(1).a)
print([x.s for x in map(K, [1, 2])])
