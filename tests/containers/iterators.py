# enumerate, reversed, sequence and callable iterators, length hints
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)))
print(list(enumerate(iterable="x", start=2**70)))
print(list(reversed((1, 2, 3))), list(reversed("abc")), list(reversed(range(3))))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return 4
print(list(Seq()), list(reversed(Seq())), 20 in Seq(), type(iter(Seq())).__name__)
n = iter([1, 2, 3])
print(next(n), n.__length_hint__(), list(n), type(n).__name__)
print(type(iter(())).__name__, type(iter({})).__name__, type(iter({}.values())).__name__,
      type(iter({}.items())).__name__, type(iter(set())).__name__, type(iter(range(3))).__name__,
      type(iter(range(2**70))).__name__, type(reversed([])).__name__, type(reversed(range(2))).__name__)
counter = iter([1, 2, 3, 4, 0, 5]).__next__
print(list(iter(counter, 0)))
it = iter(range(10)); next(it); print(it.__length_hint__(), reversed([1, 2]).__length_hint__())
e = enumerate([]); print(e is iter(e))
for src in ["enumerate()", "enumerate([], 1, 2)", "enumerate(x=1)", "enumerate([], start=1.5)",
            "reversed()", "reversed(1)", "reversed([], x=1)", "iter(1)"]:
    try:
        print(eval(src))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(type(reversed({})).__name__, list(reversed({1: 2, 3: 4})))
