# `for y in [expr]` / `for y in (expr,)` after the first `for` of a comprehension binds y
# without building a list or looping (3.11); starred or longer displays still loop.
import dis

a = [1, 2, 3]
calls = []


def f(x):
    calls.append(x)
    return x * 10


def lc(): return [y for x in a for y in [f(x)]]
def sc(): return {y for x in a for y in (f(x),)}
def dc(): return {y: x for x in a for y in [f(x)] if y > 10}
def ge(): return list(y + z for x in a for y in [f(x)] for z in [y, 1])
def nest(): return [(x, y, z) for x in a if x > 1 for y in [x * 2] for z in range(y) if z % 2 for w in [z] if w]
def star(): return [y for x in a for y in [*a]]
def two(): return [y for x in a for y in [x, x]]
def first(): return [y for y in [f(2)]]
def shadow(): return [x for x in a for x in [x + 100]]


print(lc(), sc(), dc(), ge(), nest(), star(), two(), first(), shadow())
print(calls)
try:
    [y for x in a for y in [1 / 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def for_iters(fn):
    return sum(1 for c in fn.__code__.co_consts if hasattr(c, "co_code")
               for i in dis.get_instructions(c) if i.opname == "FOR_ITER")


print([for_iters(fn) for fn in (lc, sc, dc, ge, nest, star, two, first, shadow)])
