# itertools objects pickle and copy (3.11 semantics: __reduce__/__setstate__), also
# part-consumed; subclasses with their own __init__ accept keyword arguments.
import copy
import operator
import pickle
from itertools import *


def lt3(x):
    return x < 3


def show_groups(it):
    return [(k, list(g)) for k, g in islice(it, 12)]


def roundtrip(name, make, take=2, limit=12, show=None):
    show = show or (lambda it: list(islice(it, limit)))
    for consumed in (0, 1, take):
        it = make()
        for _ in range(consumed):
            next(it, None)
        for proto in (0, 2, pickle.HIGHEST_PROTOCOL):
            it2 = pickle.loads(pickle.dumps(it, proto))
            print(name, consumed, proto, type(it2).__name__, show(it2))
        print(name, consumed, "copy", show(copy.copy(make())), show(copy.deepcopy(it)))


roundtrip("count", lambda: count(3))
roundtrip("count_step", lambda: count(1.5, 0.5))
roundtrip("repeat", lambda: repeat("x", 4))
roundtrip("repeat_inf", lambda: repeat(7))
roundtrip("cycle", lambda: cycle("abc"), take=5)
roundtrip("accumulate", lambda: accumulate([1, 2, 3, 4]))
roundtrip("accumulate_init", lambda: accumulate([1, 2, 3], initial=10))
roundtrip("accumulate_none", lambda: accumulate([None, None, None], operator.is_))
roundtrip("chain", lambda: chain("ab", "cd"), take=3)
roundtrip("chain_fi", lambda: chain.from_iterable(["ab", "cd"]), take=3)
roundtrip("compress", lambda: compress("abcdef", [1, 0, 1, 1, 0, 1]))
roundtrip("dropwhile", lambda: dropwhile(lt3, range(6)))
roundtrip("takewhile", lambda: takewhile(lt3, range(6)))
roundtrip("filterfalse", lambda: filterfalse(None, [0, 1, 0, 2, 0]))
roundtrip("islice", lambda: islice(range(20), 2, 15, 3))
roundtrip("islice_none", lambda: islice("abcdef", None))
roundtrip("starmap", lambda: starmap(pow, [(2, 3), (3, 2), (4, 2)]))
roundtrip("zip_longest", lambda: zip_longest("abc", "d", fillvalue="-"))
roundtrip("product", lambda: product("ab", range(3)), take=4)
roundtrip("product_rep", lambda: product([0, 1], repeat=2))
roundtrip("combinations", lambda: combinations("abcd", 2), take=3)
roundtrip("cwr", lambda: combinations_with_replacement("abc", 2), take=3)
roundtrip("permutations", lambda: permutations("abc"), take=3)
roundtrip("permutations_r", lambda: permutations(range(4), 2), take=5)
roundtrip("tee", lambda: tee("abcdef")[0])
roundtrip("groupby", lambda: groupby("aabbbc"), show=show_groups)
roundtrip("groupby_key", lambda: groupby(range(10), key=lt3), show=show_groups)

# a groupby's current group survives with its parent
g = groupby("aaabbc")
k, grp = next(g)
next(grp)
g2 = pickle.loads(pickle.dumps(g))
print([(k, list(v)) for k, v in g2])

# exhausted iterators pickle as exhausted
for it in (count(), cycle("ab"), islice("abc", 2), chain("a"), product("ab"),
           combinations("ab", 1), permutations("ab"), zip_longest("a", "bc")):
    for _ in islice(it, 10):
        pass
    print(type(it).__name__, list(islice(pickle.loads(pickle.dumps(it)), 5)))

# __setstate__ argument checking
for make, state in [(lambda: chain(), ()), (lambda: chain(), []), (lambda: chain(), 0),
                    (lambda: chain(), ([],)), (lambda: chain(), (iter([]), [])),
                    (lambda: cycle("ab"), [["a"], 0]), (lambda: cycle("ab"), (("a",), 0)),
                    (lambda: cycle("ab"), (["a"], "x")), (lambda: product("ab"), (0, 1)),
                    (lambda: combinations("abc", 2), (0,)),
                    (lambda: permutations("abc", 2), ((0, 1, 2), (1,))),
                    (lambda: tee("ab")[0], (None, 0))]:
    try:
        make().__setstate__(state)
        print("ok", state)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

c = cycle("defg")
c.__setstate__((list("abc"), 0))
print(list(islice(c, 12)))
c = cycle("defg")
c.__setstate__((list("abcdefg"), 1))
print(list(islice(c, 12)))
p = product((1, 2), (3,))
p.__setstate__((0, 0x1000))
print(next(p))
p = product((1, 2), (), (3,))
p.__setstate__((0, 0, 0x1000))
print(list(p))
it = chain()
it.__setstate__((iter(["abc", "def"]), iter(["ghi"])))
print(list(it))
r = chain("ab").__reduce__()
print(r[0].__name__, r[1], [type(x).__name__ for x in r[2]])
print(repeat(1, 2).__reduce__()[1:], count(5).__reduce__()[1:], count(1, 2).__reduce__()[1:])

# subclasses: keyword arguments are refused unless the subclass defines __init__
for cls, args in [(filterfalse, (None, [0, 1])), (starmap, (pow, [(2, 3)])),
                  (islice, ([1, 2, 3], 2)), (takewhile, (bool, [1, 0])),
                  (dropwhile, (bool, [1, 0])), (cycle, ([1],)), (chain, ([1],))]:
    class plain(cls):
        pass

    class with_init(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    try:
        plain(*args, newarg=3)
    except TypeError as e:
        print("TypeError", e)
    u = with_init(*args, newarg=3)
    print(cls.__name__, list(islice(u, 3)), u.newarg)
