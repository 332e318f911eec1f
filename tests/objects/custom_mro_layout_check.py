# A custom mro() may not list a base with another instance layout (test_descr.test_altmro).
class _metaclass(type):
    def mro(self):
        return [self, dict, object]
try:
    class X(object, metaclass=_metaclass):
        pass
except TypeError as e:
    print("TypeError:", e)
class M(type):
    def mro(cls):
        return type.mro(cls)
class S(metaclass=M):
    __slots__ = ('a', 'b')
class T(S):
    __slots__ = ('c',)
class L(list, metaclass=M):
    pass
class R(metaclass=M):
    pass
class PerverseMetaType(type):
    def mro(cls):
        L = type.mro(cls)
        L.reverse()
        return L
class A: pass
class B(A): pass
class X2(B, A, metaclass=PerverseMetaType):
    pass
print(T.__mro__, L.__mro__, R.__mro__, X2.__mro__)
t = T(); t.a = 1; t.c = 3; print(t.a, t.c, L([1, 2]))
