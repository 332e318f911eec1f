# range and slice objects
r = range(10)
print(r, range(1, 10, 3), range(5, 0, -1), list(range(5, 0, -2)), len(range(0, 10, 3)))
print(r[2], r[-1], r[2:8:2], r[::-1], r[::-1][0], list(r[::-3]), r[100:], r[-100:3])
print(3 in r, 10 in r, 3.0 in r, "x" in r, r.index(4), r.count(4), range(0, 20, 2).index(8))
print(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(3) != range(4))
print(hash(range(0)) == hash(range(4, 4)), hash(range(1, 2, 5)) == hash(range(1, 3, 9)))
print(list(reversed(range(1, 10, 4))), bool(range(0)), bool(range(1)))
big = range(10**20, 10**20 + 5)
print(big, big[1], 10**20 + 3 in big, list(big)[-1], list(reversed(big))[0], big.index(10**20 + 2))
print(r.start, r.stop, r.step, range(-5, 5)[::-2], list(range(-3, 3)))
print(list(range(2**62, 2**62 + 3)), list(range(2**63 - 2, 2**63 + 1)))
s = slice(1, 10, 2)
print(s, slice(5), slice(None), s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(10))
print(slice(-3, None).indices(10), slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
print(slice(10**30).indices(10**31), "abcdef"[slice(1, None, 2)], [1, 2, 3][slice(None, None, -1)])
for src in ["range(1.5)", "range()", "range(1, 2, 3, 4)", "range(1, 2, 0)", "len(range(10**20))",
            "r[10]", "r['a']", "r.index(99)", "hash(slice(1))", "[1][::0]", "slice(1, 2, 0).indices(5)",
            "slice(1).indices(-1)", "[1, 2]['a':]", "slice()", "range(x=1)"]:
    try:
        print(eval(src))
    except Exception as ex:
        print(type(ex).__name__, ex)
