# decimal, exercised through the pure-Python implementation (_pydecimal)
import _pydecimal as decimal
from _pydecimal import Decimal as D, localcontext, getcontext
print(D("1.1") + D("2.2"), D(1) / D(7), D("10") ** 10, D("0.1") * 3, D(0.1))
getcontext().prec = 10
print(D(1) / D(3), D(2).sqrt(), D("1.23456789012345"), +D("1.23456789012345"), D(10).ln(), D("2").exp())
with localcontext() as ctx:
    ctx.prec = 4; ctx.rounding = decimal.ROUND_DOWN
    print(D(2) / 3, D("1.23456").quantize(D("0.01")))
print(D("3.14159").quantize(D("0.001"), rounding=decimal.ROUND_HALF_UP), D("-0"), D("NaN"), D("-Infinity"), D("1e-5"), D("123E+3"))
print(D("1.20").normalize(), D("1.5").to_integral_value(), round(D("2.5")), round(D("1.2345"), 2), int(D("-3.9")), float(D("0.5")))
print(D("1.0") == D("1"), D("1") < D("2"), hash(D(5)) == hash(5), D("12.5").as_tuple(), D(5).compare(D(6)), D("7").fma(2, 1))
print("{:.3f} {:,} {:e}".format(D("3.14159"), D("1234567"), D("12345")))
for expr in [lambda: D(1) / D(0), lambda: D("abc"), lambda: D(-1).sqrt()]:
    try:
        expr()
    except decimal.DecimalException as e:
        print(type(e).__name__)
ctx = decimal.Context(prec=5, traps=[]); print(ctx.divide(D(1), D(0)), ctx.flags[decimal.DivisionByZero])
