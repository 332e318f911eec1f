# float methods: rounding, ratios, hex
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(-0.5), round(2.675, 2), round(1234.5678, -2))
print(round(1.23456, 3), round(-1.5), round(1e300, 2), round(0.1, 20), round(5e-324, 400), round(1.5, -400))
print((3.0).is_integer(), (3.5).is_integer(), float("inf").is_integer(), (2.5).conjugate(), (2.5).real, (2.5).imag)
print((0.1).as_integer_ratio(), (-0.75).as_integer_ratio(), (8.0).as_integer_ratio(), (1e300).as_integer_ratio()[1])
print((1.5).hex(), (-0.0).hex(), (1e-320).hex(), float("inf").hex(), (0.1).hex())
print(float.fromhex("0x1.8p1"), float.fromhex("  -0X1P-1074 "), float.fromhex("inf"), float.fromhex("0x.8"), float.fromhex("1p4"))
print(float("1_0.5"), float(" -inf "), float("nAn"), float("1e5"), float(" +1.5E-3\n"), float(b"2.5"), float("\u0663.5"))
print((2.7).__trunc__(), (-2.7).__floor__(), (-2.7).__ceil__(), int(-2.7), float.__getformat__("double"))
for s in ["x", "1__0", "1_", "0x10", "1e", "inf1", ""]:
    try:
        float(s)
    except ValueError as e:
        print(e)
for f in [lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(),
          lambda: float.fromhex("0x1p2000"), lambda: float.fromhex("zz"), lambda: round(float("inf")),
          lambda: round(float("nan"))]:
    try:
        print(f())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
