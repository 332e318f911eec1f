# Arbitrary-precision integers: growth, signs, division, bit operations, conversions.
f = 1
for i in range(1, 51):
    f *= i
print(f)
print(2 ** 200, -(2 ** 200), 3 ** 100 - 3 ** 99)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, a * b, b // a, b % a, -b // a, -b % a)
print(divmod(b, -a), divmod(-b, -a))
print(a & b, a | b, a ^ b, ~a, a << 100, b >> 50, -a >> 3)
print(pow(a, 3, b), pow(7, 12345, 10 ** 20))
print(len(str(2 ** 10000)), str(2 ** 10000)[:20], str(2 ** 10000)[-20:])
print(hex(2 ** 100), oct(-(2 ** 70)), bin(2 ** 65 + 1))
print(int("9" * 50) + 1, int("-" + "1" * 40), int("ff" * 20, 16))
print(a.bit_length(), (-a).bit_length(), (2 ** 64).bit_length(), (255).bit_count())
print(2 ** 63, -(2 ** 63), 2 ** 64 - 1, (2 ** 64) // 3, (-2) ** 63 // 7)
print(a == a + 0, a < b, -a < -b, a / b, (10 ** 30) / 10 ** 10, 10 ** 20 / 3)
print(a.to_bytes(16, "big"), int.from_bytes(b"\xff" * 9, "little", signed=True))
