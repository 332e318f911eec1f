# bare `raise` in a generator sees the exception its caller is handling (3.11's topmost
# handled exception); */** call errors name the function as module.qualname().
import sys


def g():
    yield 1
    print("exc_info:", sys.exc_info()[0].__name__)
    raise


try:
    1 / 0
except ZeroDivisionError:
    i = g()
    next(i)
    try:
        next(i)
    except ZeroDivisionError as e:
        print("ok", repr(e))


def h():
    yield
    raise


i = h()
next(i)
try:
    next(i)
except RuntimeError as e:
    print("RuntimeError:", e)


def f(*args, **kwargs):
    return args, kwargs


class O:
    def m(self, a=0, **kw):
        return a


for call in [lambda: f(*1), lambda: O().m(**1), lambda: O().m(a=1, **{"a": 2}),
             lambda: f(**{1: 2}), lambda: print(*1), lambda: len(**1),
             lambda: f(1, *None), lambda: O().m(*1.5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
