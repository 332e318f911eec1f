import math
xs = [i/7.3 for i in range(-300, 1500)] + [0.5, 1.5, 2.5, 1e-5, 170.5, 171.7, 199.9, -0.5, -150.3, 1e-25]
for x in xs:
    for f in (math.gamma, math.lgamma, math.erf, math.erfc, math.exp, math.log1p, math.expm1, math.atanh, math.cbrt):
        try: r = repr(f(x))
        except (ValueError, OverflowError) as e: r = type(e).__name__
        print(f.__name__, x, r)
