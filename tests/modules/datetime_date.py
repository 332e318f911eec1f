# date: construction, calendar functions over a grid, arithmetic, formatting, errors
from datetime import date, timedelta, datetime
import pickle
for y in (1, 4, 100, 400, 1582, 1900, 1999, 2000, 2004, 2019, 2020, 2021, 2024, 9999):
    for m, d in ((1, 1), (1, 3), (2, 28), (3, 1), (12, 28), (12, 29), (12, 31)):
        x = date(y, m, d)
        o = x.toordinal()
        print(x, o, x.weekday(), x.isoweekday(), tuple(x.isocalendar()), date.fromordinal(o) == x, x.ctime(), x.timetuple()[6:])
ic = date(2024, 2, 28).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], pickle.loads(pickle.dumps(ic)))
x = date(2024, 2, 28)
print(repr(x), str(x), x.isoformat(), x + timedelta(days=2), timedelta(days=-60) + x, x - timedelta(400), x - date(2000, 1, 1), date(2000, 1, 1) - x)
print(x.replace(day=1), x.replace(year=2023, month=3), x.strftime("%A %d %B %Y %j %U %W %% %f %z %Z|"), f"{x:%y-%m-%d}", f"{x}", format(x, ""))
print(x == date(2024, 2, 28), x < date(2024, 3, 1), x != x, x == "x", x == datetime(2024, 2, 28), hash(x) == hash(date(2024, 2, 28)))
print(date.min, date.max, date.resolution, x.year, x.month, x.day)
print(date.fromisocalendar(2020, 53, 7), date.fromisocalendar(2004, 1, 1), date.fromtimestamp(0) <= date(1970, 1, 2))
print(pickle.loads(pickle.dumps(x)) == x, x.__reduce__())
for s in ["2020-01-01", "20200101", "2020-W01", "2020W01", "2020-W01-3", "2020W013", "2020-W53-7", "2021-W53", "2020-1-01", "2020-01-1",
          "2020-13-01", "2020-02-30", "0000-01-01", " 2020-01-01", "2020-01-01T00", "2020/01/01", "2020W54", "2020-W01-8", ""]:
    try:
        print(repr(date.fromisoformat(s)))
    except ValueError as e:
        print("ValueError", e)
class D(date):
    def __repr__(self):
        return "D<" + super().__repr__() + ">"
d = D(2020, 5, 17)
print(d, repr(d), type(d + timedelta(1)).__name__, type(d.replace(day=3)).__name__, type(D.fromordinal(5)).__name__, type(D.fromisoformat("2020-01-01")).__name__, D.today().__class__.__name__)
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: date(0, 1, 1), lambda: date(10000, 1, 1), lambda: date(2020, 1, 0),
            lambda: date(2020, 1), lambda: date("2020", 1, 1), lambda: date.max + timedelta(1), lambda: date.min - timedelta(1),
            lambda: date.fromordinal(0), lambda: date.fromordinal(3652060), lambda: date.fromisocalendar(10000, 1, 1), lambda: date.fromisocalendar(2021, 53, 1),
            lambda: date.fromisocalendar(2020, 1, 0), lambda: date.fromisoformat(20200101), lambda: x - 1, lambda: x + x, lambda: x < 1, lambda: x.strftime(1),
            lambda: format(x, 5), lambda: x < datetime(2020, 1, 1), lambda: date(2020, 1, 1, 1), lambda: date.fromtimestamp(float("nan")), lambda: date.fromtimestamp(1e100)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
