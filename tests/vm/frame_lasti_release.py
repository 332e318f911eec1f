# f_lasti/f_lineno of running, suspended, finished and retained frames, and what a returning
# frame releases (locals die at return unless something holds the frame).
import sys
import weakref
import gc


def here():
    f = sys._getframe(1)
    return f.f_lasti >= 0, f.f_lineno


def lines():
    a = here()
    b = here()
    return a, b


(a_ok, a_line), (b_ok, b_line) = lines()
print(a_ok, b_ok, b_line - a_line)


def gen():
    x = yield 1
    y = yield x
    return y


g = gen()
print("created", g.gi_frame.f_lasti, g.gi_frame.f_lineno == gen.__code__.co_firstlineno)
next(g)
l1 = g.gi_frame.f_lasti
print("suspended", l1 > 0, g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
g.send(5)
print("later", g.gi_frame.f_lasti > l1, g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
try:
    g.send(7)
except StopIteration as e:
    print("returned", e.value, g.gi_frame)


def inner():
    yield 1
    yield 2


def delegating():
    yield from inner()


d = delegating()
next(d)
print("yieldfrom", type(d.gi_yieldfrom).__name__, d.gi_frame.f_lasti > 0)
print(list(d), d.gi_yieldfrom)


# a frame kept after it returned keeps its last position and its locals
def keep():
    local = [1, 2, 3]
    return sys._getframe()


f = keep()
print("kept", f.f_lasti > 0, f.f_locals["local"], f.f_back is sys._getframe(), f.f_code.co_name)
del f


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def release_at_return():
    t = Tracked("local")
    u = [Tracked("in list")]
    print("returning")
    return 1


print(release_at_return())
print("after return")


# a traceback keeps the frame (and its locals) until it goes
def fails():
    t = Tracked("held by traceback")
    raise ValueError("x")


try:
    fails()
except ValueError as e:
    tb = e.__traceback__
    print("tb", tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lasti >= 0,
          tb.tb_next.tb_lineno - fails.__code__.co_firstlineno)
    del e
print("dropping tb")
del tb
gc.collect()
print("dropped")


# a frame in a reference cycle with its own local is collected
def cyclic():
    me = sys._getframe()
    t = Tracked("in cycle")
    return weakref.ref(t)


r = cyclic()
gc.collect()
print("cycle collected", r() is None)


# the caller's frame is still right after many returns in the same loop
def depth(n):
    if n == 0:
        return sys._getframe().f_back.f_lineno
    return depth(n - 1)


print(depth(50) > 0, [depth(i) == depth(0) for i in range(1, 4)])


# frame.clear() on a finished frame drops its locals
def clearable():
    t = Tracked("cleared")
    return sys._getframe()


f = clearable()
f.clear()
print("cleared ok", f.f_locals)
