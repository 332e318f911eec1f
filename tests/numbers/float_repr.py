# float repr: shortest round-trip digits with Python's notation rules
print(0.1, 0.2 + 0.1, 1 / 3, 2.5, 100.0, 1e16, 1e15, 123456789012345678.0, 1e22)
print(1e-5, 0.0001, 1.5e-7, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
print(-0.0, 0.0, float("inf"), float("-inf"), float("nan"), -float("nan"))
print(repr(3.14), str(2.0), repr(1e100), repr(9007199254740993.0), repr(0.30000000000000004))
print([1.1, 2.2], (3.3,), {4.4: 5.5})
print(float(2 ** 53 + 1), float(10 ** 20), float(-(10 ** 16)), 1e300 * 1e10)
