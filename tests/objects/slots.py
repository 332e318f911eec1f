class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = S()
print(s.a, hasattr(s, '__dict__'), type(S.a).__name__)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
class T(S):
    pass
t = T()
t.c = 5
print(t.c, t.__dict__)
try:
    class U:
        __slots__ = ('x',)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class V(int):
        __slots__ = ('y',)
except TypeError as e:
    print("TypeError:", e)
try:
    class W:
        __slots__ = ('1x',)
except TypeError as e:
    print("TypeError:", e)
class X:
    __slots__ = '__private'
    def set(self, v):
        self.__private = v
        return self.__private
print(X().set(3), '_X__private' in X.__dict__)
