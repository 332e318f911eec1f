# Mixing bool, int, float and complex: result types and values.
vals = [True, 3, 2.5, 1 + 2j]
for a in vals:
    print([type(a + b).__name__ for b in vals], [a * b for b in vals])
print(7 / 2, 8 / 2, type(8 / 2).__name__, 1 + 1.0, 2 * 0.5)
print(1 == 1.0 == True, 1 + 0j == 1, (1 + 0j) == 1.0, 2 ** 0.5 * 2 ** 0.5)
print((1 + 2j) / (3 + 4j), (1 + 2j) ** 2, abs(-3 + 4j), (3 + 4j).conjugate())
print(complex(1, 2), complex("3+4j"), complex(2), (1j) ** 2, 1j * 1j == -1)
print(10 ** 20 + 0.5, 10 ** 20 * 1.0, 2 ** 53 + 1.0, int(2 ** 53 + 1.0))
print(True / 2, False ** 0, -True, ~True, True << 3)
