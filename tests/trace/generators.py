# sys.settrace in generators: 'call' on every resume (and throw), 'return' on every
# yield, send/throw/close, yield from delegation, return values, generator expressions
from _tr import trace


def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got * 10
    return 'done'


def consume():
    return list(gen(2))


def sending():
    g = gen(3)
    a = next(g)
    b = g.send(5)
    c = next(g)
    return a, b, c


def throwing():
    g = gen(3)
    next(g)
    try:
        g.throw(ValueError('in gen'))
    except ValueError as e:
        return str(e)


def closing():
    g = gen(3)
    next(g)
    g.close()
    return 'closed'


def delegate():
    r = yield from gen(1)
    yield r


def use_delegate():
    return list(delegate())


def catching_gen():
    try:
        yield 1
    except KeyError:
        yield 'caught'


def throw_caught():
    g = catching_gen()
    next(g)
    return g.throw(KeyError)


def gen_stop():
    g = gen(0)
    try:
        next(g)
    except StopIteration as e:
        return e.value


trace(consume)
trace(sending)
trace(throwing)
trace(closing)
trace(use_delegate)
trace(throw_caught)
trace(gen_stop)
