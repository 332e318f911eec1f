# Attribute caches read and write instance values inline (LOAD_ATTR / LOAD_METHOD /
# STORE_ATTR hits without calls): every way the cached index or the "method not shadowed"
# knowledge can go stale must fall back to the full lookup.

class A:
    def __init__(self, n):
        self.x = n
        self.y = n + 1
    def m(self):
        return ('A.m', self.x)


class B(A):
    def __init__(self, n):
        self.y = n        # the other order: y is B's shared entry 0
        self.x = -n
    def m(self):
        return ('B.m', self.x)


def get(o):
    return o.x, o.y


def call(o):
    return o.m()


def put(o, v):
    o.x = v
    o.y = v


a, b = A(1), B(2)
print([get(a) for _ in range(3)], get(b), get(a))
print([call(a) for _ in range(3)], call(b))

# __class__ assignment: the values keep the old class's keys
c = A(5)
c.__class__ = B
print(get(c), call(c))
put(c, 7)
print(get(c), vars(c))
d = B(6)
d.__class__ = A
print(get(d), call(d))

# a deleted attribute: the dict is materialized, the hint must not find the old value
e = A(3)
del e.x
try:
    get(e)
except AttributeError as exc:
    print('AttributeError', exc)
put(e, 4)
print(get(e), vars(e))

# __dict__ asked for: a split dict, then written through it
f = A(8)
f.__dict__['x'] = 80
print(get(f))
f.__dict__['m'] = lambda: 'f instance m'
print(call(f), call(A(0)))

# an instance attribute named like the method appended to the class's shared keys
g = A(9)
print(call(g))
g.m = lambda: 'g instance m'
print(call(g), call(A(10)), call(g))


# a class whose instances get different attribute sets: hints past the used prefix
class P:
    def __init__(self, n):
        if n % 2:
            self.odd = n
        self.v = n
        if n % 3 == 0:
            self.tri = n


def getv(o):
    return o.v, getattr(o, 'odd', None), getattr(o, 'tri', None)


print([getv(P(i)) for i in range(7)])


# replacing a value whose finalizer runs during the store
class Noisy:
    def __del__(self):
        print('Noisy finalized')


h = A(0)
h.x = Noisy()
put(h, 1)
print('after', get(h))


# many attributes: past the shared-keys limit the instance uses an ordinary dict
class Many:
    pass


def fill(o, k):
    for i in range(k):
        setattr(o, 'a%d' % i, i)


mo = Many()
fill(mo, 40)
print(mo.a0, mo.a29, mo.a39, len(vars(mo)))


def loop(objs):
    return sum(o.x + o.y for o in objs)


objs = [A(i) for i in range(50)] + [B(i) for i in range(50)]
print(loop(objs), [call(o)[0] for o in objs[48:52]])
# the class itself changes: every cache of it goes stale
A.m = lambda self: 'patched'
print(call(objs[0]), call(objs[-1]))
