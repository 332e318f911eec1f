# format() and %-formatting of floats
vals = [1234.5678, -0.0001, 1e16, 0.5, -0.0, float("inf"), float("nan")]
for spec in ["", ".3", "g", ".2f", "e", "E", ".0e", "%", ".1%", "10.2f", "<10.1f", "^10", "+.1f", " .1f", ",.2f", "_.2f", "012.3f", "#.0f", "#.3g", "z.1f", "F", "n"]:
    print(repr(spec), [format(v, spec) for v in vals])
print("%f %e %g %.3f %10.2f %-10.2f| %+.1f %05.1f %E %G" % (3.14159, 31415.9, 0.00001234, 2.0, 3.14159, 3.14159, 2.0, -1.5, 1e10, 1e-10))
print("%.0f %.0f %.0f %#.0f %.20f" % (0.5, 1.5, 2.5, 3.0, 0.1))
print("%s %r %a" % (1.0, 1e16, 1e-5), str(1e16), f"{2.5:.3f}")
print("%f %F %e" % (float("inf"), float("-inf"), float("nan")), "%5f|%-8f|" % (float("nan"), float("inf")))
for spec in ["d", "x", "c", "z", "=10,,"]:
    try:
        print(format(1.5, spec))
    except ValueError as e:
        print(e)
