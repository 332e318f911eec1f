# Operator precedence and associativity.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4)
print(1 + 2 << 3, 1 | 2 ^ 3 & 4, 1 << 2 + 1, ~1 + 1, -1 ** 0)
print(not 1 == 2, not 1 + 1, 1 < 2 and 2 < 3 or False, True or False and False)
print(1 if 0 else 2 if 0 else 3, (lambda: 1 or 2)(), [1, 2][0] + 1)
print(3 - -3, 3 + +3, - - -3, 2 * -3, 5 // -2 * -1, -5 % 3 ** 2)
a = b = c = 4
print(a, b, c, a == b == c, 1 + 2 == 3 != 4 > 2)
print("ab" * 2 + "c", "x" in "xy" and "z" not in "xy", [0] * 3 + [1])
