# every attribute/call/container dunder wired through the type slots
class G:
    def __getattr__(self, name):
        return "ga:" + name
g = G()
g.real = 1
print(g.real, g.missing)
class GA:
    def __getattribute__(self, name):
        if name == "special":
            return "intercepted"
        return object.__getattribute__(self, name)
x = GA(); x.y = 3
print(x.special, x.y)
class SA:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
s = SA(); s.v = 4; print(s.v); del s.v; print(hasattr(s, 'v'))
class D:
    def __get__(self, obj, owner=None):
        return ("get", obj is None, owner.__name__)
    def __set__(self, obj, value):
        obj.__dict__['_d'] = value
    def __delete__(self, obj):
        print("delete called")
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class H:
    d = D()
h = H()
print(H.d, h.d)
h.d = 5; print(h._d); del h.d
class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, 2, z=3), callable(Call()))
class L:
    def __len__(self): return 3
class B:
    def __bool__(self): return False
print(len(L()), bool(L()), bool(B()), not B())
class I:
    def __index__(self): return 2
print([10, 20, 30][I()], hex(I()), range(I()), bin(I()))
class Co:
    def __contains__(self, x): return x == 1
print(1 in Co(), 2 in Co(), 2 not in Co())
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), sum(It()))
class NH:
    __hash__ = None
print(NH.__hash__, hasattr(NH(), '__hash__'))
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__, EqOnly() == 1)
class Sub:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Sub2(Sub, tag="t2"): pass
print(Sub2.tag)
class CG:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CG[int])
class ME:
    def __mro_entries__(self, bases): return (dict,)
class FromME(ME()): pass
print(FromME.__mro__, FromME.__orig_bases__[0].__class__.__name__)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta, flag=True): pass
print(WithMeta.injected, type(WithMeta))
class P: pass
class Q: pass
p = P(); p.__class__ = Q; print(type(p).__name__)
class Sl:
    __slots__ = ('a', 'b')
sl = Sl(); sl.a = 1
print(Sl.a, sl.a, hasattr(sl, '__dict__'))
print(sorted(vars(H)))
print(dir(h))
print(dir(Sl))
class R:
    def __repr__(self): return "R!"
print(R(), [R()], str(R()), f"{R()}", format(R()))
print(repr(P), repr(P.__init__), repr(object.__init__), type(H().__init__).__name__)
