from fractions import Fraction as F
from decimal import Decimal
a, b = F(3, 4), F("-1/6")
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, a ** -1, -a, abs(b), repr(a))
print(F(0.1), F(0.1).limit_denominator(10), F(Decimal("1.25")), F("3.1415"), F(" -5e-2 "), F(10, -4))
print(a < b, a == 0.75, a == F(6, 8), hash(F(1, 2)) == hash(0.5), float(a), int(F(-7, 2)), round(F(7, 2)), round(F(5, 2)), round(F(1, 3), 2))
print(a.numerator, a.denominator, a.as_integer_ratio(), F(5).is_integer() if hasattr(F, "is_integer") else "n/a", str(F(5)))
for bad in ["1/0", "x"]:
    try:
        F(bad)
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([F(1, n) for n in range(1, 8)]), F(1, 3) + 1, 1.5 + F(1, 2), F(1, 2) + 1j)
