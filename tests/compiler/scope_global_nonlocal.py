# global and nonlocal: implicit globals, explicit global (also in a nested function),
# nonlocal through several levels, nonlocal of a parameter, and names bound by
# for/with/except/import/def/class all counting as local bindings.
g = 0


def read_implicit():
    return g                   # no binding here: LOAD_GLOBAL


def write_explicit():
    global g
    g += 1


def nested_global():
    g = 'local in outer'
    def inner():
        global g
        g = 'set by inner'
    inner()
    return g


read_implicit(); write_explicit(); write_explicit()
print(g, read_implicit(), nested_global(), g)


def creates_global():
    global brand_new
    brand_new = 'made'


creates_global()
print(brand_new)


def three_levels():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 10
        inner()
        return n               # free in mid as well (passes the cell through)
    r = mid()
    return n, r


print(three_levels())


def nonlocal_skips_level():
    v = 'top'
    def mid():
        v = 'mid'
        def inner():
            nonlocal v
            v = 'inner changed mid'
        inner()
        return v
    return mid(), v


print(nonlocal_skips_level())


def nonlocal_param(p):
    def bump():
        nonlocal p
        p *= 2
    bump(); bump()
    return p


print(nonlocal_param(3))


def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())


def local_before_assignment():
    try:
        print(h)
        h = 1
    except UnboundLocalError as e:
        print('UnboundLocalError', e)


h = 'global h'
local_before_assignment()


def bindings_are_local():
    import os as g1
    from sys import path as g2
    for g3 in [1]:
        pass
    with open(__file__) as g4:
        pass
    try:
        raise KeyError
    except KeyError as g5:
        pass
    def g6(): pass
    class g7: pass
    return sorted(n for n in bindings_are_local.__code__.co_varnames)


print(bindings_are_local())


def free_through_global():
    x = 'enclosing'
    def inner():
        global x
        return x
    return inner()


x = 'module x'
print(free_through_global())
ns = {}
exec("def f():\n    global q\n    q = 7\nf()", ns)
print(ns['q'])
for src in ("def f():\n    x = 1\n    global x", "def f(a):\n    global a",
            "nonlocal z", "def f():\n    nonlocal z",
            "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x",
            "def f():\n    from os import *"):
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno)
