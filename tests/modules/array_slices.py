# array slice deletion/assignment (all step signs) agrees with list semantics
import array, random
random.seed(1)
for n in range(300):
    L = list(range(random.randint(0, 12))); a = array.array('h', L)
    i, j, k = random.randint(-15, 15), random.randint(-15, 15), random.choice([None, 1, 2, -1, -2, 3, -3])
    s = slice(i, j, k)
    del L[s]; del a[s]
    assert a.tolist() == L, (n, s)
    L = list(range(10)); a = array.array('h', L)
    m = len(L[s]) if k not in (None, 1) else random.randint(0, 5)
    L[s] = list(range(100, 100 + m)); a[s] = array.array('h', range(100, 100 + m))
    assert a.tolist() == L, (n, s)
    assert a[s].tolist() == L[s]
print("ok")
