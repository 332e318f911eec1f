# sys.settrace events of comprehensions, generator expressions and lambdas
from _tr import trace


def listcomp():
    return [x * 2 for x in range(3)]


def setdict():
    s = {x % 2 for x in range(4)}
    d = {k: v for k, v in zip('ab', range(2))}
    return sorted(s), d


def nested_comp():
    return [[i + j for j in range(2)] for i in range(2)]




def lambdas():
    f = lambda a: a + 1
    g = lambda: [f(i) for i in range(2)]
    return g()


def sorted_key():
    return sorted([3, 1, 2], key=lambda v: -v)


trace(listcomp)
trace(setdict)
trace(nested_comp)
trace(lambdas)
trace(sorted_key)
