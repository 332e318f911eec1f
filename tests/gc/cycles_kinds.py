# Every container kind in a reference cycle is freed by gc.collect().  Each cycle holds
# a Marker; a weakref to the Marker tells whether the cycle was collected.
import gc
import weakref

gc.disable()   # only explicit collections, so the results do not depend on timing


class Marker:
    pass


def check(name, build):
    m = Marker()
    r = weakref.ref(m)
    build(m)
    del m
    gc.collect()
    print(f"{name:12} {'freed' if r() is None else 'LEAKED'}")


def lst(m):
    l = [m]; l.append(l)

def dct(m):
    d = {"m": m}; d["d"] = d

def tup(m):
    l = [m]; t = (l,); l.append(t)

def st(m):
    class H:   # a hashable holder that refers back to the set
        pass
    h = H(); s = {h}; h.s = s; h.m = m

def inst(m):
    m.self = m

def slots(m):
    class S:
        __slots__ = ("a", "b")
    s = S(); s.a = s; s.b = m

def func(m):
    def f(): return f, m
    f.attr = f

def func_defaults(m):
    def f(x=[m]): pass
    f.__defaults__[0].append(f)

def cell(m):
    def outer():
        x = m
        def inner(): return inner, x
        return inner
    outer()

def frame(m):
    try:
        raise ValueError
    except ValueError as e:
        err = e   # err -> traceback -> frame -> err
    keep = m

def generator(m):
    def g():
        yield m
    it = g(); next(it)
    m.gen = it

def gen_self(m):
    def g(k):
        x = yield
    it = g(m); next(it)
    it.gi_frame.f_locals  # touch it
    m.it = it

class Awaitable:
    def __await__(self):
        yield

async def coro_func(m):
    await Awaitable()
    return m

def coroutine(m):
    c = coro_func(m)
    c.send(None)   # suspended: collecting it closes it, with no "never awaited" warning
    m.c = c

def klass(m):
    class C:
        pass
    C.m = m

def module(m):
    import types
    mod = types.ModuleType("mod")
    mod.mod = mod; mod.m = m

def bound_method(m):
    class C:
        def meth(self): pass
    c = C(); c.bm = c.meth; c.m = m

def exception(m):
    e = Exception(m); e.e = e

def exception_args(m):
    e = Exception(); e.args = (e, m)

def prop(m):
    class C:
        pass
    p = property(lambda self: m); C.p = p; C.m = m

def static_class_method(m):
    def f(): return sm, cm, m
    sm = staticmethod(f); cm = classmethod(f)
    f.sm = sm

def list_iter(m):
    l = [m]; it = iter(l); l.append(it)

def dict_iter(m):
    d = {1: m}; it = iter(d); d[2] = it

def enumerate_zip(m):
    l = [m]; e = enumerate(l); z = zip(l, l); l.append(e); l.append(z)

def map_filter(m):
    l = [m]; a = map(len, l); b = filter(None, l); l.append(a); l.append(b)

def reversed_it(m):
    l = [m]; r = reversed(l); l.append(r)

def dict_views(m):
    d = {1: m}; d[2] = d.keys(); d[3] = d.values(); d[4] = d.items()

def super_obj(m):
    class C:
        def f(self): return super()
    c = C(); c.s = c.f(); c.m = m

def frozen(m):
    l = [m]; f = frozenset([(1, tuple(l))]); l.append(f); l.append(l)

def instance_dict_replaced(m):
    class C:
        pass
    c = C(); c.__dict__ = {"c": c, "m": m}

def subclass_of_list(m):
    class L(list):
        pass
    l = L([m]); l.append(l)

def subclass_of_dict(m):
    class D(dict):
        pass
    d = D(m=m); d["d"] = d

def lambda_closure(m):
    f = lambda: (f, m)

for name, build in list(globals().items()):
    if callable(build) and name not in ("check", "coro_func") and not name.startswith("_") \
            and getattr(build, "__module__", None) == "__main__" and not isinstance(build, type):
        check(name, build)
