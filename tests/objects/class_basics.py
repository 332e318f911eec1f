class A:
    """doc of A"""
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

a = A(5)
print(a.get(), a.v, A.x, a.x, A.__doc__, A.__name__, A.__qualname__, A.__module__)
print(type(a) is A, type(A) is type, isinstance(a, A), issubclass(A, object))
print(repr(A), A.__mro__, A.__bases__)
print(sorted(k for k in A.__dict__ if not k.startswith('__')))
print(type(A.__dict__).__name__)
a.w = 3
print(a.__dict__)
del a.w
try:
    a.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    A(1, 2)
except TypeError as e:
    print("TypeError:", e)
class B: pass
try:
    B(1)
except TypeError as e:
    print("TypeError:", e)
print(type('C', (A,), {'y': 2})(7).get())
try:
    type('a', 'b')
except TypeError as e:
    print("TypeError:", e)
