# timedelta: construction/normalisation, float rounding, arithmetic, reprs, errors
from datetime import timedelta as td
import pickle
cases = [dict(), dict(days=1), dict(seconds=-1), dict(microseconds=-1), dict(days=-1, hours=3, microseconds=7),
         dict(weeks=1.5, days=0.25, hours=-0.1), dict(milliseconds=1.0005), dict(microseconds=0.5), dict(microseconds=1.5),
         dict(microseconds=-0.5), dict(seconds=0.0000015), dict(minutes=-1e-7), dict(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999),
         dict(hours=25.5), dict(days=1/3), dict(seconds=1/3, microseconds=1/3, milliseconds=1/3)]
for kw in cases:
    d = td(**kw)
    print(kw, repr(d), str(d), d.days, d.seconds, d.microseconds, d.total_seconds(), bool(d))
print(td(1, 2, 3, 4, 5, 6, 7))
a, b = td(days=3, seconds=7, microseconds=11), td(hours=-5, microseconds=3)
print(a + b, a - b, -a, +b, abs(b), a * 3, 3 * a, a * -2.5, 0.1 * a, a / 4, a / 7, a / 0.3, a / b, a // b, a % b, divmod(a, b), a // 7, a // -7)
print(td(microseconds=5) / 2, td(microseconds=7) / 2, td(microseconds=-5) / 2, td(microseconds=3) * 0.5, td(microseconds=5) * 0.5)
print(a == td(3, 7, 11), a != b, a < b, a > b, a <= a, a >= b, a == 5, a != "x", hash(a) == hash(td(3, 7, 11)))
print(td.min, td.max, td.resolution, repr(td.min), repr(td.max))
print(pickle.loads(pickle.dumps(a)) == a, a.__reduce__())
class TD(td):
    pass
s = TD(hours=1)
print(repr(s), type(s).__name__, type(s + s).__name__, type(-s).__name__, type(s * 2).__name__, s == td(hours=1))
for bad in [lambda: td(days=1000000000), lambda: td.max + td.resolution, lambda: td.min - td.resolution,
            lambda: td(days="1"), lambda: td(seconds=None), lambda: a / 0, lambda: a // 0, lambda: a % td(0),
            lambda: a / 0.0, lambda: a * float("inf"), lambda: a * float("nan"), lambda: a + 1, lambda: a < 1,
            lambda: 1 / a, lambda: a @ a, lambda: td(1e20), lambda: td(hours=1) * 10**20, lambda: td(foo=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted([td(1), td(-1), td(0, 5), td(0, 0, 5)]))
print({td(1): 1, td(hours=24): 2})
