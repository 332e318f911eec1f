# int's methods and attributes
print((2 ** 100).bit_length(), (0).bit_length(), (-255).bit_length(), (255).bit_count(), (-7).bit_count())
print((7).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2]))
print((1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True), (1).to_bytes(), (0).to_bytes(0, "little"))
print(round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(7, 2), round(5))
print((17).__trunc__(), (17).__floor__(), (17).__ceil__(), (17).__index__(), (-17).__abs__())
print((0).__sizeof__(), (1).__sizeof__(), (2 ** 30).__sizeof__(), (2 ** 100).__sizeof__())
print(hex(255), oct(8), bin(5), hex(-2 ** 70), bin(0), oct(-9))
print(hash(1), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-2 ** 100), hash(-2 ** 63))
print(int.__name__, type(1), type(2 ** 100), isinstance(True, int))
class MyInt(int):
    pass
m = MyInt(42)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, MyInt("ff", 16), int(m), type(int(m)).__name__)
a = 256
b = 256
print(a is b, 255 + 1 is 256)
