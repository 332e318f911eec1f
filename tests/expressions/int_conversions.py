# int() and float() conversions from strings and numbers; hex/oct/bin; errors.
print(int("42"), int("-17"), int("  8  "), int("0x1f", 16), int("1f", 16), int("0b101", 0))
print(int("z", 36), int("777", 8), int("0o777", 0), int("1_000"), int(3.9), int(-3.9), int(True))
print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(0))
print(float("3.5"), float("-inf"), float("nan"), float(7), str(1.0), str(10 ** 5))
for bad in ["", "abc", "1.5", "0x10", "1__0", "٣"]:
    try:
        print(repr(bad), int(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
print(int("١٢٣"), float("１.５"), round(float("2.5")), int(float("1e3")))
