class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
class B(A):
    def f(self): return "B.f>" + super().f()
    @classmethod
    def c(cls): return "B.c>" + super().c()
class C(B):
    def f(self): return "C.f>" + super(B, self).f()
print(B().f(), C().f(), B.c(), C.c())
print(super(B, B()).f())
print(repr(super(B, B()))[:20])

class Plugin:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)
class P1(Plugin, tag="one"): pass
class P2(Plugin): pass
print(Plugin.registry, P1.tag, P2.tag)
try:
    class Bad(object, x=1): pass
except TypeError as e:
    print("TypeError:", e)

class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int])

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['made_by'] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
class M(metaclass=Meta): pass
print(M.made_by, type(M).__name__)

class N:
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.args = a
        return obj
print(N(1, 2).args)
print(object().__repr__()[:17], str(object)[:15])
o = N()
o.__class__ = type('Other', (N,), {})
print(type(o).__name__)
