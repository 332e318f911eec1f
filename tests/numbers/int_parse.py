# int() from strings and bytes: bases, prefixes, underscores, whitespace, Unicode digits
print(int("  1_000  "), int("0x1f", 0), int("z", 36), int("Z", 36), int(b"12"), int(bytearray(b" 7 ")))
print(int("-0b101", 0), int("0o17", 0), int("0x_ff", 16), int("ff", 16), int("0_0", 0), int("00", 0))
print(int("٣٤"), int("\u0663\u0664", 10), int("\t+12\n"))
print(int("1" * 50), int("-" + "9" * 40))
for s in ["x", "1__0", "_1", "1_", "010", "0x", "", " ", "0b2", "1 2", "١x"]:
    try:
        print(int(s, 0))
    except ValueError as e:
        print(e)
for s, b in [("12", 2), ("0x10", 10), ("9", 8), (b"x", 10)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print(e)
print(int(), int(3.99), int(-3.99), int(True), int("10", base=2))
