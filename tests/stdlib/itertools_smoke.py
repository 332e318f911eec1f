import itertools as it
print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(it.chain("ab", [1])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 4, 2])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, 2])))
print([(k, list(g)) for k, g in it.groupby("aaabbc")], list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abcd")))
a, b = it.tee([1, 2, 3]); print(list(a), list(b), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(it.product("ab", repeat=2)), list(it.permutations(range(3), 2)), list(it.combinations("abcd", 2)))
print(list(it.combinations_with_replacement("ab", 2)), len(list(it.product(range(3), range(4)))))
print(repr(it.count(1.5, 0.5)), repr(it.repeat("x", 2)))
try:
    it.islice("a", -1)
except ValueError as e:
    print(e)
