# list.sort / sorted: stability, key, reverse, errors, mutation during sort
_x = 5
def randrange(n):  # a small LCG, so the test needs no random module
    global _x
    _x = (_x * 1103515245 + 12345) % 2147483648
    return (_x >> 8) % n
data = [randrange(100) for _ in range(500)]
s = sorted(data)
print(s[:10], s[-5:], s == sorted(s), len(s))
pairs = [(randrange(5), i) for i in range(200)]
by_key = sorted(pairs, key=lambda p: p[0])
print(all(by_key[i][1] < by_key[i + 1][1] for i in range(199) if by_key[i][0] == by_key[i + 1][0]))
rev = sorted(pairs, key=lambda p: p[0], reverse=True)
print(rev[:5], all(rev[i][1] < rev[i + 1][1] for i in range(199) if rev[i][0] == rev[i + 1][0]))
w = "the quick brown fox jumps over the lazy dog".split()
w.sort(key=len); print(w)
w.sort(); print(w)
w.sort(key=str.lower, reverse=True); print(w)
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted([]), sorted([1]))
print(sorted([5, 4, 3, 2, 1, 0] * 20)[:12])
print(sorted(range(100, 0, -1))[:5])
x = [3, 2, 1]
try:
    x.sort(key=lambda v: x.append(v))
except Exception as e:
    print(type(e).__name__, e)
print(x)
for src in ["[1, 'a'].sort()", "[].sort(1)", "[].sort(foo=1)", "[].sort(reverse=1.5)"]:
    try:
        exec(src)
    except Exception as e:
        print(type(e).__name__, e)
