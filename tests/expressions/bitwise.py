# Bitwise operators on ints and bools, including negative numbers and shifts.
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1)]:
    print(a, b, a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(1 << 0, 1 << 64, -1 >> 100, 5 >> 10, -5 >> 1, (1 << 100) >> 99)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(0xF0 | 0x0F, 0xFF & ~0x0F, 0b1010 ^ 0b0110, ~0)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
