# calls: the costly kinds of calls: keyword arguments, defaults, keyword-only and
# positional-only parameters, *args/**kwargs, calls through *seq/**dict unpacking,
# builtins with keywords and class instantiation (issue 6; fib is the plain case).
def kw(a, b=2, *, c=3, d=4):
    return a + b + c + d


def pos(a, b, /, c=0):
    return a - b + c


def var(*args, **kwargs):
    return len(args) + len(kwargs)


def forward(*args, **kwargs):
    return kw(*args, **kwargs)


class Pair:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


def work(n):
    total = 0
    opts = {"c": 5, "d": 6}
    seq = (1, 2)
    for i in range(n):
        total += kw(i) + kw(i, 3) + kw(i, c=1) + kw(a=i, d=0, b=1)
        total += pos(i, 1) + pos(i, 2, c=3)
        total += var(i, i, x=1) + var(*seq, **opts)
        total += forward(i, b=1, c=2)
        total += kw(*seq, **opts)
        p = Pair(i, y=2)
        total += p.x + p.y
        total += int("7", base=10) + sorted((3, 1, 2), reverse=True)[0]
    return total


print(work(600000))
