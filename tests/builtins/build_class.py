class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"added": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=Meta, flag=True):
    x = 1
print(A.added, A.x, type(A).__name__)
class B:
    def f(self):
        return __class__
print(B().f() is B)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C(Base, tag=3):
    pass
class E:
    def __mro_entries__(self, bases):
        return (Base,)
class D(E()):
    pass
print(D.__bases__, D.__orig_bases__[0].__class__.__name__)
