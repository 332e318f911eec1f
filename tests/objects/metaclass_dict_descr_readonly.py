# A class's __dict__ cannot be replaced through an inherited __dict__ descriptor (test_descr.test_set_dict).
class Base(object):
    pass
class Meta1(type, Base):
    pass
class Meta2(Base, type):
    pass
class D(object, metaclass=Meta1):
    x = 1
class E(object, metaclass=Meta2):
    pass
class C(Base):
    pass
dict_descr = Base.__dict__["__dict__"]
for cls in (D, E):
    try:
        dict_descr.__set__(cls, {})
        print("set allowed")
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
    try:
        del cls.__dict__
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
    print(type(dict_descr.__get__(cls)).__name__, 'x' in dict_descr.__get__(cls))
c = C(); c.a = 1
dict_descr.__set__(c, {'b': 2}); print(c.__dict__, c.b)
