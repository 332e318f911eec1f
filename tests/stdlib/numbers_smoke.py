import numbers
from fractions import Fraction
for v in [1, True, 1.5, 1j, Fraction(1, 2), "x"]:
    print(repr(v), [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
class MyInt(numbers.Integral):
    pass
try:
    MyInt()
except TypeError as e:
    print(str(e)[:60])
numbers.Real.register(type("R", (), {})); print(issubclass(bool, numbers.Integral), sorted(numbers.Integral.__abstractmethods__))
