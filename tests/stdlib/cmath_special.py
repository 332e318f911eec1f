# cmath: special values (C99 Annex G tables), signed zeros, errors and argument handling.
import cmath, math

INF, NAN = float("inf"), float("nan")
values = [-INF, -2.5, -0.0, 0.0, 0.5, INF, NAN]
funcs = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh"]

def show(z):
    return "(%r, %r)" % (z.real, z.imag)

for name in funcs:
    f = getattr(cmath, name)
    row = []
    for re in values:
        for im in values:
            try:
                row.append(show(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
    print(name, " ".join(row))

for r in values:
    for phi in values:
        try:
            print("rect", r, phi, show(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as e:
            print("rect", r, phi, type(e).__name__, e)

# finite values, including large/tiny magnitudes and branch cuts
for z in [1e-310j, 1e308 + 1e308j, -1e308, 1 + 0j, 1 - 0j, -1 + 0j, -1 - 0j, 2j, -2j,
          complex(1, 1e-200), complex(0.9, 0.1), complex(710, 1), complex(-710, 1)]:
    out = []
    for name in funcs:
        try:
            out.append(show(getattr(cmath, name)(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(z, out)

print(cmath.polar(1 + 1j), cmath.polar(-0.0), cmath.phase(-1 - 0j), cmath.phase(-1 + 0j))
for bad in [lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.exp(1000),
            lambda: cmath.log(0), lambda: cmath.log(2, 1), lambda: cmath.log(2, 0),
            lambda: cmath.atanh(1), lambda: cmath.sqrt("x"), lambda: cmath.sqrt(),
            lambda: cmath.log(1, 2, 3), lambda: cmath.rect(1),
            lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(cmath.log(0, 2), cmath.log(8, 2), cmath.log10(1000))

class C:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 9
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(True))
print(cmath.isclose(1 + 1j, 1 + 1j + 1e-10j), cmath.isclose(INF, INF), cmath.isclose(NAN, NAN),
      cmath.isclose(1j, 1.1j, abs_tol=0.2), cmath.isclose(0, 1e-12, rel_tol=0.1))
print(cmath.sqrt.__doc__, cmath.log.__doc__, sep="\n")
print(cmath.isfinite(complex(1, INF)), cmath.isinf(complex(NAN, INF)), cmath.isnan(complex(INF, NAN)))
