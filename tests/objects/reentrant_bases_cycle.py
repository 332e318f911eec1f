# A __bases__ assignment made re-entrantly from a metaclass mro() must detect the
# inheritance cycle through the tp_base chain (test_descr MroTest; used to hang/crash).
ready = False

class M(type):
    def mro(cls):
        if ready:
            if cls.__name__ == 'B1':
                B2.__bases__ = (B1,)
            if cls.__name__ == 'B2':
                B1.__bases__ = (B2,)
        return type.mro(cls)

class A(metaclass=M):
    pass
class B1(A):
    pass
class B2(A):
    pass

ready = True
try:
    B1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)
ready = False
print([c.__name__ for c in B1.__mro__], [c.__name__ for c in B2.__mro__])
print(B1.__bases__, B2.__bases__)
