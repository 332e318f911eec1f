# Instance __dict__s of Python classes: key-sharing (split) tables must behave exactly
# like ordinary dicts -- order, identity, deletion, non-str keys, iteration errors,
# copying, pickling, gc referents -- whatever order instances add attributes in.
import copy
import gc
import pickle
import weakref


class A:
    pass


def show(label, obj):
    print(label, obj.__dict__, list(vars(obj)), len(obj.__dict__))


# the same order as the first instance, a different order, a prefix, a superset
a = A(); a.x = 1; a.y = 2
b = A(); b.y = 3; b.x = 4
c = A(); c.x = 5
d = A(); d.x = 6; d.y = 7; d.z = 8
show("a", a); show("b", b); show("c", c); show("d", d)
c.z = 9                                 # skips y: order must still be insertion order
show("c2", c)
print(c.z, c.x, getattr(c, "y", "no y"))

# deletion, re-adding, delete everything
e = A(); e.x = 1; e.y = 2; e.z = 3
del e.y
show("e", e)
e.y = 4
show("e2", e)
del e.x, e.y, e.z
show("e3", e)
try:
    del e.x
except AttributeError as exc:
    print("AttributeError", exc)

# __dict__ identity and live view
f = A()
fd = f.__dict__
f.p = 1
print(fd is f.__dict__, fd, vars(f) is fd)
fd["q"] = 2
print(f.q, f.__dict__)

# non-str keys and str subclasses
class S(str):
    pass

g = A(); g.x = 1
g.__dict__[1] = "one"
g.__dict__[S("s")] = "sub"
print(g.__dict__, g.x, g.s)

# replacing the dict
h = A(); h.x = 1
h.__dict__ = {"y": 2}
print(h.__dict__, hasattr(h, "x"), h.y)
try:
    h.__dict__ = [1]
except TypeError as exc:
    print("TypeError", exc)

# iteration while attributes change
i = A(); i.x = 1; i.y = 2
for name in ("keys", "values", "items"):
    it = iter(getattr(i.__dict__, name)())
    next(it)
    i.extra = 1
    try:
        next(it)
    except RuntimeError as exc:
        print(name, "RuntimeError", exc)
    del i.extra
it = iter(i.__dict__)
i.x = 10                                # replacing a value is fine
print(list(it))
it = iter(i.__dict__)
del i.x
i.x = 11                                # same size, different keys
try:
    print(list(it))
except RuntimeError as exc:
    print("RuntimeError", exc)
j = A(); j.a = 1; j.b = 2; j.c = 3
print(list(reversed(j.__dict__)), list(reversed(j.__dict__.values())),
      list(reversed(j.__dict__.items())))

# dict methods on an instance dict
k = A(); k.a = 1; k.b = 2; k.c = 3
kd = k.__dict__
print(kd.get("b"), kd.get("zz", 0), "a" in kd, "zz" in kd, kd.keys() & {"a", "zz"})
print(kd.copy(), dict(kd), {**kd}, kd == {"a": 1, "b": 2, "c": 3}, kd | {"d": 4})
print(kd.setdefault("a", 9), kd.setdefault("d", 4), kd)
print(kd.pop("b"), kd.pop("zz", None), kd)
print(kd.popitem(), kd)
kd.update(b=5, e=6)
print(kd, sorted(kd), repr(kd))
kd.clear()
print(kd, k.__dict__)
k.a = 1
print(kd, k.a)

# many attributes (past any shared table size)
m = A()
for n in range(50):
    setattr(m, "attr%d" % n, n)
print(len(m.__dict__), m.attr0, m.attr49, list(m.__dict__)[:3], list(m.__dict__)[-2:])
m2 = A()
for n in range(50):
    setattr(m2, "attr%d" % n, -n)
print(sum(m2.__dict__.values()), list(m2.__dict__)[-1])

# __init__-built instances, subclasses, slots with __dict__, builtin bases
class Node:
    def __init__(self, value):
        self.value = value
        self.prev = self.next = None
        self.children = []
        self.parent = None

nodes = [Node(v) for v in range(5)]
nodes[2].extra = "x"
del nodes[3].prev
print([list(n.__dict__) for n in nodes])
print([n.value for n in nodes], nodes[2].extra, hasattr(nodes[3], "prev"))

class Sub(Node):
    def __init__(self, value):
        self.first = 0
        super().__init__(value)

print(Sub(1).__dict__)

class Slotted:
    __slots__ = ("a", "__dict__")

s = Slotted(); s.a = 1; s.b = 2
print(s.__dict__, s.a)

class L(list):
    pass

lst = L([1, 2]); lst.tag = "t"
print(lst, lst.__dict__)

class E(Exception):
    pass

ex = E("m"); ex.code = 3
print(ex.__dict__, ex.args, ex.code)

# class attributes shadowed by instance attributes, descriptors, __getattr__
class C:
    x = "class"
    def meth(self):
        return "method"
    @property
    def prop(self):
        return "prop"
    def __getattr__(self, name):
        return "getattr:" + name

o = C()
print(o.x, o.meth(), o.prop, o.missing)
o.x = "inst"; o.meth = lambda: "shadowed"
print(o.x, o.meth(), C.x, o.__dict__.keys())
del o.meth
print(o.meth())

# copy, deepcopy, pickle
p = A(); p.x = [1]; p.y = "s"
q = copy.copy(p); r = copy.deepcopy(p); t = pickle.loads(pickle.dumps(p))
print(q.__dict__, r.__dict__, t.__dict__, q.x is p.x, r.x is p.x)

# gc sees the values; cycles through instance dicts are collected
u = A(); u.x = [1]; u.me = u
print(len(gc.get_referents(u.__dict__)), gc.is_tracked(u.__dict__))
v = A(); v.x = 1
print(gc.is_tracked(v.__dict__))
wr = weakref.ref(u)
del u
gc.collect()
print(wr())

# dir() includes instance attributes
w = A(); w.zeta = 1; w.alpha = 2
print([n for n in dir(w) if not n.startswith("__")])

# one attribute-cache site seeing instances whose dicts are split, combined, or
# in a different order (the cached entry index must be re-checked every time)
def read_write(objs):
    out = []
    for _ in range(3):
        for o in objs:
            o.x = o.x + 1
            out.append(o.x)
    return out

o1 = A(); o1.x = 0; o1.y = 0
o2 = A(); o2.y = 0; o2.x = 100
o3 = A(); o3.x = 200; o3.__dict__[5] = 5
o4 = A(); o4.x = 300; del o4.x; o4.x = 300
o5 = Node(0); o5.x = 400
print(read_write([o1, o2, o3, o4, o5]))
def fresh(n):
    res = []
    for v in range(n):
        o = A()
        o.x = v
        o.y = v * 2
        if v % 2:
            o.z = v
        else:
            o.w = v
        res.append(o)
    return [list(r.__dict__.items()) for r in res]
print(fresh(4))

# attributes kept without a dict until __dict__ is asked for: every way in
class V:
    pass

v1 = V(); v1.a = 1; v1.b = 2
print(getattr(v1, S("a")), hasattr(v1, S("zz")))         # str-subclass names
setattr(v1, S("c"), 3)
print(v1.__dict__, [type(k).__name__ for k in v1.__dict__])
v2 = V(); v2.a = 1; v2.b = 2
class V2:
    pass
v2.__class__ = V2                                         # keeps its attributes
v2.c = 3
print(type(v2).__name__, v2.a, v2.b, v2.c, vars(v2))
v3 = V(); v3.a = [1]; v3.b = 2
del v3.a
print(vars(v3), hasattr(v3, "a"))
v4 = V(); v4.a = 1
v4.__dict__ = {"z": 26}
print(v4.__dict__, hasattr(v4, "a"))
v5 = V(); v5.a = 1; v5.b = 2
print(v5.__reduce_ex__(2)[2], copy.copy(v5).__dict__, sorted(n for n in dir(v5) if len(n) == 1))

class I(int):
    pass

n = I(5); n.tag = "five"; n.more = 2
print(n, n.tag, n.more, n.__dict__)
bigs = [I(10 ** k) for k in (1, 30, 60)]
for k, big in enumerate(bigs):
    big.k = k
print([(int(b) % 97, b.k) for b in bigs])

class T(tuple):
    pass

tt = T((1, 2, 3)); tt.label = "t"
print(tt, tt.label, vars(tt))

def method_shadow():
    class M:
        def m(self):
            return "class"
    objs = [M() for _ in range(3)]
    objs[1].m = lambda: "instance"
    return [o.m() for o in objs for _ in range(2)]
print(method_shadow())

vs = [V() for _ in range(4)]
for i, o in enumerate(vs):
    o.a = i
    o.self = o
gc.collect()
del vs, o
print(gc.collect() >= 4)
