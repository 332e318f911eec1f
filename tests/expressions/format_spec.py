# format() and str.format format specs: fill, align, sign, width, grouping, precision, type.
for spec in ["", "10", "<10", ">10", "^10", "*^11", "+", " ", "010", ",", "_", "x", "X",
             "#x", "o", "#o", "b", "#b", "c", "e", ".3e", "g", "%", ".1%", "n", "=+8"]:
    try:
        print(repr(spec), repr(format(1234, spec)), repr(format(-56.789, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["", ".2f", "10.3f", "<12.4e", ".3g", ".10g", "+.1f", ",.2f", "08.2f", "#.0f"]:
    print(repr(spec), format(3.14159, spec), format(1234567.891, spec), format(-0.0, spec))
print(format("text", "^10"), format("text", ".2"), format("text", "_>8"), format(True, "d"))
print(format(2 ** 70, ","), format(1e-10, ".3"), format(float("inf"), "10"), format(0.0001, "g"))
