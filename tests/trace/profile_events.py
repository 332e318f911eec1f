# sys.setprofile: call/return of Python frames and c_call/c_return/c_exception around
# builtins (names of the callables), generators, exceptions, getprofile
import sys
from _tr import profile


def work(items):
    out = []
    for x in items:
        out.append(abs(x))
    s = sorted(out)
    return len(s), max(s), ''.join(map(str, s))


def failing():
    try:
        int('nope')
    except ValueError:
        pass
    return divmod(7, 2)


def gen():
    yield len('ab')
    yield 2


def use_gen():
    return list(gen()) + [sum(gen())]


def star_call():
    args = (3, 1, 2)
    kw = {'key': None}
    return sorted(args, **kw), max(*args), isinstance(*[1, int])


def method_descr():
    d = {}
    d.setdefault('a', []).append(1)
    return str.upper('x'), d


print(sys.getprofile())
profile(work, [-2, 1])
profile(failing)
profile(use_gen)
profile(star_call)
profile(method_descr)
print(sys.getprofile())
