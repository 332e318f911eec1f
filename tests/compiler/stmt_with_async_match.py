# with (several items, as-targets of each kind, exceptions suppressed or not,
# return/break/continue through with), async constructs (async def/for/with, await,
# async comprehensions and generators) run by a tiny driver, and match statements.
log = []


class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        log.append('enter ' + self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        log.append('exit %s %s' % (self.name, et.__name__ if et else None))
        return self.suppress


class Holder:
    pass


def withs():
    h = Holder()
    d = {}
    with CM('a') as x, CM('b') as h.attr, CM('c') as d['k'], CM('pq') as (p, q):
        log.append((x, h.attr, d['k'], p, q))
    with CM('s', suppress=True), CM('t'):
        raise ValueError
    try:
        with CM('u'):
            raise KeyError
    except KeyError:
        log.append('KeyError propagated')
    for i in range(3):
        with CM('loop%d' % i):
            if i == 0:
                continue
            if i == 1:
                break
    with CM('ret'):
        return 'returned'


print(withs())
print(log)
log.clear()


class ACM:
    async def __aenter__(self):
        log.append('aenter')
        return 'acm'

    async def __aexit__(self, *exc):
        log.append('aexit %s' % (exc[0].__name__ if exc[0] else None))
        return True


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Yield:
    def __await__(self):
        value = yield 'suspended'
        return value


async def agen(n):
    for i in range(n):
        yield i * 10
        await Yield()


async def main():
    out = []
    async with ACM() as name:
        out.append(name)
        raise ValueError('swallowed by __aexit__')
    async for v in Ticker(3):
        if v == 1:
            continue
        out.append(v)
    else:
        out.append('async-for else')
    out.append(await Yield())
    out.append([v async for v in Ticker(2)])
    out.append([v async for v in agen(3) if v])
    out.append({v: await Yield() for v in range(2)})
    return out


def run(coro):
    sent = None
    while True:
        try:
            got = coro.send(sent)
        except StopIteration as e:
            return e.value
        sent = 'resumed'


print(run(main()), log)


class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x, self.y = x, y


def m(v):
    match v:
        case 0 | 1 as small:
            return 'small %d' % small
        case [x, y, *rest] if x == y:
            return 'pair-prefix %r %r' % (x, rest)
        case (1, *_):
            return 'starts with 1'
        case {'k': val, **others}:
            return 'mapping %r %r' % (val, others)
        case Point(0, y=yy):
            return 'on y axis %r' % yy
        case Point(x, y) if x == y:
            return 'diagonal'
        case str() | bytes():
            return 'text'
        case float(f) if f > 1:
            return 'big float'
        case None | True:
            return 'singleton %r' % v
        case _:
            return 'other'


for v in (1, [2, 2, 3], (1, 5), {'k': 1, 'z': 2}, Point(0, 7), Point(3, 3), 'x', b'y',
          2.5, None, True, 0.5, Point(1, 2)):
    print(m(v))


def match_capture_after_failure(v):
    match v:
        case [a, 0]:
            pass
        case _:
            pass
    return a if 'a' in dir() else 'unbound'


print(match_capture_after_failure([1, 0]))
