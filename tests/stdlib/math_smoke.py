import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(8), math.log10(1000), math.log1p(1e-10), math.expm1(1e-10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan2(1, -1), math.hypot(3, 4, 12))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7), math.fabs(-3), math.fmod(7, -3), math.remainder(7, 3))
print(math.factorial(20), math.comb(10, 3), math.perm(10, 3), math.gcd(12, 18, 30), math.lcm(4, 6), math.isqrt(10**20 + 1))
print(math.frexp(8.5), math.ldexp(0.5, 3), math.modf(-2.5), math.copysign(1, -0.0), math.fsum([0.1] * 10), math.prod([1, 2, 3]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
print(math.degrees(math.pi), math.radians(180), math.dist((0, 0), (3, 4)), math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(10))
print(math.cosh(1), math.sinh(1), math.tanh(1), math.acosh(2), math.asinh(1), math.atanh(0.5), math.nextafter(1, 2), math.ulp(1.0), math.cbrt(27), math.exp2(10))
for f, a in [(math.sqrt, -1), (math.log, 0), (math.factorial, -1), (math.exp, 1000), (math.factorial, 2.5)]:
    try:
        f(a)
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
