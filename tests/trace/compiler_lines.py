# sys.settrace events that depend on the line numbers the compiler gives to generated
# instructions (while-loop back jumps, implicit returns, return through finally/with,
# decorators, multi-line comprehensions, eval code): each must match 3.11
from _tr import trace


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def countdown(n):
    while n > 0:
        n -= 1
    return n


def with_continue(n):
    i = 0
    while i < n:
        i += 1
        if i == 1:
            continue
        n -= 0
    return i


def ends_with_for(a):
    for x in a:
        pass


def in_finally():
    try:
        return 1
    finally:
        y = 2


def return_inside():
    with CM():
        return 'from with'


def genexpr():
    return sum(x for x in range(3))


def multiline_comp():
    return [
        x
        for x in range(2)
        if x >= 0
    ]


def deco(f):
    return f


def decorated():
    @deco
    @deco
    def inner():
        return 'inner'
    return inner()


def evaluates():
    return eval('1 + 1')


trace(countdown, 3)
trace(with_continue, 3)
trace(ends_with_for, [1])
trace(in_finally)
trace(return_inside)
trace(genexpr)
trace(multiline_comp)
trace(decorated)
trace(evaluates)
