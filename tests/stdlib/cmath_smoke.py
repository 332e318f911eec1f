import cmath
for z in [1+2j, -1, 0.5j, -3-4j]:
    print(z, cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.phase(z), cmath.polar(z), abs(z))
print(cmath.rect(2, cmath.pi / 2), cmath.sin(1j), cmath.cos(1j), cmath.tan(1+1j), cmath.asin(2), cmath.acos(2), cmath.atan(1j / 2))
print(cmath.sinh(1j), cmath.cosh(1), cmath.tanh(1), cmath.asinh(1j), cmath.acosh(0), cmath.atanh(2), cmath.log10(100j), cmath.log(8, 2))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isinf(complex("inf")), cmath.isnan(complex(0, float("nan"))), cmath.isfinite(1j))
print(cmath.inf, cmath.nan, cmath.infj, cmath.nanj, cmath.e, cmath.tau)
try:
    cmath.log(0)
except ValueError as e:
    print(e)
