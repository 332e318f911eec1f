# tuple: construction, repr, indexing, slicing, concat/repeat, index/count, compare, hash
t = (1, 2, 3)
print(t, (), (1,), tuple([4, 5]), tuple("ab"), tuple(range(3)))
print(t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[-10:2])
print(t + (4,), t * 2, 2 * (0,), t * 0, t * -1)
print(t.index(2), t.count(3), (1, 1, 2).count(1), 2 in t, 9 in t, len(t))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), (1,) != (1,))
print(hash(()), hash((1,)), hash((1, 2, 3)), hash(("a", None)) == hash(("a", None)))
print(hash((-1,)), hash((1, (2, 3))), hash((0.5, True)))
print(((1, 2),), ((),), (("x",),))
print(tuple(x * x for x in range(5)))
print(t.__getnewargs__(), t[True])
a, *b = t
print(a, b)
for src in ["t[3]", "t['a']", "t + [1]", "t.index(9)", "hash(([],))", "tuple(1)",
            "tuple(x=1)", "t.index()", "t[::0]"]:
    try:
        print(eval(src))
    except Exception as e:
        print(type(e).__name__, e)
