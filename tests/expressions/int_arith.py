# Integer arithmetic: floor division and modulo signs, true division, powers, divmod.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(a, b, a + b, a - b, a * b, a // b, a % b, a / b, divmod(a, b))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, 2 ** -1, 10 ** -2)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -1, 7), pow(10, 20, 9))
print(abs(-5), -(-5), +3, 5 // 1, 1 // 5, -1 // 5, -1 % 5)
print(int(7 / 2), round(7 / 2), round(5 / 2), round(-2.5), round(1234, -2))
print(True + True, True * 10, False - 1, 3 * True)
