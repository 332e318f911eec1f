# exact comparisons between ints and floats, NaN and infinities
print(3 == 3.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53), 1 < 1.5, 1.5 < 2)
print(10 ** 400 > 1e308, -10 ** 400 < float("-inf"), 10 ** 400 < float("inf"), float("nan") == float("nan"))
n = float("nan")
print(n == n, n != n, n < 1, n > 1, 1 < n, n is n, [n] == [n])
print(0.1 + 0.2 == 0.3, 0.5 == 1 / 2, -0.0 == 0.0, 9007199254740993 == 9007199254740992.0)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(1e300), hash(float("inf")), hash(float("-inf")), hash(-0.0))
print(sorted([3, 1.5, -2, 2 ** 60, 0.0]), max(1, 1.0), min(2.0, 2))
