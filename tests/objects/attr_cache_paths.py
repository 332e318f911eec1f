# The eval loop's attribute caches (session 4): the first attribute stored on a fresh
# instance, plain class attributes read through instances (and shadowed later), two types
# sharing one code object (a base's method on base and subclass instances), and the
# per-version cache of a class's __init__ -- every result must stay exactly CPython's.
import sys
import weakref


class Rec:
    def __init__(self, key, value):
        self.key = key
        self.value = value


def make(n):
    return [Rec(i, str(i)) for i in range(n)]


rs = make(5)
print([(r.key, r.value) for r in rs])
print(vars(rs[0]), list(rs[1].__dict__))
rs[2].extra = 1
del rs[2].key
print(vars(rs[2]))


class Empty:
    pass


def first_store(o, v):
    o.a = v
    return o


for i in range(4):
    e = first_store(Empty(), i)
    print(e.a, e.__dict__)


class Base:
    scale = 3
    label = "base"

    def __init__(self, a):
        self.a = a

    def get(self):
        return self.a * self.scale

    def tag(self):
        return self.label


class Derived(Base):
    scale = 5

    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


def read_class_attr(objs):
    return [(o.scale, o.label) for o in objs]


b, d = Base(1), Derived(2, 3)
for _ in range(3):
    print(read_class_attr([b, d, b, d]), b.get(), d.get(), b.tag(), d.tag())

# shadowing a class attribute in one instance, after the cache learned it
b2 = Base(7)
print(read_class_attr([b2]))
b2.scale = 100
print(read_class_attr([b2, b]), b2.get(), b.get())
vars(b2)["label"] = "mine"
print(read_class_attr([b2, b]), b2.tag())
del b2.scale
print(read_class_attr([b2]), b2.get())

# changing and deleting the class attribute
Base.scale = 4
print(read_class_attr([b, d]), b.get(), d.get())
del Derived.scale
print(read_class_attr([b, d]), d.get())
del Base.label
try:
    read_class_attr([b])
except AttributeError as e:
    print("AttributeError:", e)
Base.label = "again"
print(read_class_attr([b, d]))

# a property and a method where a plain attribute was
Base.label = property(lambda self: "prop-" + type(self).__name__)
print(read_class_attr([b, d]))
Derived.label = "plain"
print(read_class_attr([b, d]))


# __class__ assignment between two classes sharing the code
class Other:
    scale = 11
    label = "other"


o = Base(1)
print(read_class_attr([o]))
o.__class__ = Other
print(read_class_attr([o]), vars(o))


# slots class with a class attribute
class S:
    __slots__ = ("x",)
    kind = "slotted"

    def __init__(self, x):
        self.x = x


def read_s(objs):
    return [(s.x, s.kind) for s in objs]


print(read_s([S(1), S(2)]))
S.kind = "changed"
print(read_s([S(3)]))


# __init__ replaced after instances were made; a generator __init__
class C:
    def __init__(self, v):
        self.v = v


def make_c(v):
    return C(v)


print(make_c(1).v, make_c(2).v)


def init2(self, v):
    self.v = v * 10


C.__init__ = init2
print(make_c(1).v, make_c(2).v)


def gen_init(self, v):
    yield v


C.__init__ = gen_init
try:
    make_c(3)
except TypeError as e:
    print("TypeError:", e)
del C.__init__
try:
    make_c(4)
except TypeError as e:
    print("TypeError:", e)


# dealloc paths: weakref callbacks, __del__ and resurrection, dict subclasses
class W:
    pass


def cb(ref):
    print("callback", ref() is None)


w = W()
w.x = 1
r = weakref.ref(w, cb)
del w
print(r())

saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        if self.n == 1:
            saved.append(self)
        print("del", self.n)


Phoenix(0)
Phoenix(1)
print([p.n for p in saved])
saved.clear()


class D(dict):
    pass


for i in range(3):
    dd = D(a=i)
    dd.attr = i
    print(dd, dd.attr)
ds = [{"a": i, "b": [i]} for i in range(200)]
print(sum(x["a"] for x in ds), sys.getsizeof({}), sys.getsizeof({"a": 1}))
del ds
print({} == dict(), dict(a=1, b=2), {**{"x": 1}})
