# set_heavy: set construction, membership and the set algebra operators.
def work(n):
    a = set(range(0, n, 2))
    b = {i for i in range(0, n, 3)}
    total = len(a | b) + len(a & b) + len(a - b) + len(a ^ b)
    member = sum(1 for i in range(n) if i in a and i not in b)
    c = set()
    for i in range(n):
        c.add(i * 7 % 1000)
        if i % 11 == 0:
            c.discard(i % 1000)
    fs = frozenset(str(i) for i in range(2000))
    strs = sum(1 for i in range(n) if str(i % 4000) in fs)
    pairs = {(i % 100, i % 37) for i in range(n)}
    return total + member + len(c) + strs + len(pairs) + (a <= a | b) + a.isdisjoint(c)


print(sum(work(300000) for _ in range(7)))
