# How generators end under the iteration protocol (for, next, list, sum) and send():
# a plain return ends iteration quietly, return value raises StopIteration(value),
# StopIteration raised inside becomes RuntimeError, and an exhausted generator stays so.
import sys


def plain():
    yield 1
    yield 2


def with_value():
    yield 1
    return "done"


def returns_none_explicitly():
    yield 1
    return None


def returns_tuple():
    yield 1
    return ()


def raises_stop():
    yield 1
    raise StopIteration("inner")


print(list(plain()), sum(plain()), [x for x in with_value()])
for x in with_value():
    print("for", x)

g = with_value()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
try:
    next(g)
except StopIteration as e:
    print("again", e.args, e.value)
print(next(g, "default"))

g = returns_none_explicitly()
next(g)
try:
    next(g)
except StopIteration as e:
    print("none", e.args, e.value)

g = returns_tuple()
next(g)
try:
    next(g)
except StopIteration as e:
    print("tuple", e.args, e.value)

g = plain()
print(g.send(None), g.send("x"))
try:
    g.send(None)
except StopIteration as e:
    print("send end", e.args)

try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

# exhaustion leaves no exception behind for code that looks at sys.exc_info()
def check_exc():
    for _ in plain():
        pass
    return sys.exc_info()


print(check_exc())

# the iterator protocol by hand: __next__ on exhausted generators
it = iter(plain())
print(it.__next__(), it.__next__())
for _ in range(2):
    try:
        it.__next__()
    except StopIteration as e:
        print("manual", e.args)

# yield from gets the return value of a sub-generator
def outer():
    r = yield from with_value()
    print("yield from got", r)
    r = yield from plain()
    print("yield from got", r)


print(list(outer()))

# coroutines driven through __await__().__next__ (the coroutine wrapper's tp_iternext)
async def coro_value():
    return 42


async def coro_none():
    return None


for c in (coro_value(), coro_none()):
    w = c.__await__()
    try:
        w.__next__()
    except StopIteration as e:
        print("coroutine", e.args, e.value)

# a generator used by several consumers in turn
g = (i * i for i in range(5))
print(next(g), list(zip(g, "ab")), list(g), list(g))

# deep chains of exhausted generators inside builtins
print(max(x for x in range(10)), min(x for x in range(10)), any(x > 8 for x in range(10)),
      sorted(y for y in (3, 1, 2)), tuple(z for z in "abc"), dict((k, k) for k in "xy"))
