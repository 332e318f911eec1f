class O: pass
class A(O): pass
class B(O): pass
class C(A, B): pass
print([k.__name__ for k in C.__mro__])
print([k.__name__ for k in C.mro()])
try:
    class D(A, C): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(A, A): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class F(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class G(int, str): pass
except TypeError as e:
    print("TypeError:", e)
print(B.__subclasses__() == [C], O.__subclasses__() == [A, B])
