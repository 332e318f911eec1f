# Class scopes: names resolved with *_NAME (class dict first, then globals, then
# builtins), the class body does not enclose its methods, the __class__ cell for
# zero-argument super() and __classcell__ handed to type.__new__.
x = 'global x'


class A:
    x = 'class x'
    y = x                      # LOAD_NAME finds the class's own x
    def meth(self):
        return x               # the class body is not an enclosing scope
    z = [x for _ in range(1)]  # the comprehension skips the class scope too
    len = 'class len'
    tmp = len
    del len                    # DELETE_NAME removes the class binding only
    after_del = len(tmp)       # ...so LOAD_NAME falls back to the global len


print(A.y, A().meth(), A.z, A.after_del, hasattr(A, 'len'))


def outer():
    v = 'outer v'
    w = 'outer w'

    class B:
        v = 'class v'
        seen_v = v             # class-local binding wins (LOAD_NAME)
        seen_w = w             # free variable from outer (LOAD_CLASSDEREF)
        def m(self):
            return v           # the function's v, not the class's
    return B


B = outer()
print(B.seen_v, B.seen_w, B().m())


def outer2():
    u = 'outer u'

    class C:
        locals()['u'] = 'from class dict'
        got = u                # LOAD_CLASSDEREF looks in the class dict first
    return C.got


print(outer2())


class Base:
    def hello(self):
        return 'Base.hello'


class Derived(Base):
    def hello(self):
        return 'Derived+' + super().hello()

    def cls(self):
        return __class__       # the implicit __class__ cell

    @classmethod
    def cm(cls):
        return super().hello(cls())


print(Derived().hello(), Derived().cls().__name__, Derived.cm())
print('__class__' in Derived.hello.__code__.co_freevars)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        print('classcell in ns:', '__classcell__' in ns)
        return super().__new__(mcls, name, bases, ns)


class WithCell(metaclass=Meta):
    def f(self):
        return __class__


class WithoutCell(metaclass=Meta):
    def f(self):
        return 1


print(WithCell().f() is WithCell)


def no_super_outside():
    try:
        super()
    except RuntimeError as e:
        print('RuntimeError', e)


no_super_outside()


class Outer:
    class Inner:
        def q(self):
            return __class__.__qualname__
    attr = 1


print(Outer.Inner().q(), Outer.Inner.q.__qualname__)


class Globals:
    global gdecl
    gdecl = 'set from class'
    nonlocal_like = 2


print(gdecl, 'gdecl' in Globals.__dict__)


def f_with_class_using_param(p):
    class K:
        p2 = p * 2
        def get(self):
            return p
    return K.p2, K().get()


print(f_with_class_using_param(21))
