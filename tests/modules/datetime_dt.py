# datetime: construction, arithmetic, reprs, isoformat/fromisoformat, timestamps, pickling, subclassing
from datetime import datetime, date, time, timedelta, timezone, tzinfo, UTC
import pickle
utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
neg = timezone(-timedelta(hours=8))
vals = [datetime(2020, 1, 1), datetime(2023, 12, 31, 23, 59, 59, 123456), datetime(2020, 2, 29, 12, 30),
        datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999), datetime(2020, 6, 15, 8, 0, 5, tzinfo=ist),
        datetime(2020, 6, 15, 8, 0, 5, 100, tzinfo=neg, fold=1), datetime(1970, 1, 1, tzinfo=utc)]
for v in vals:
    print(repr(v), str(v), v.isoformat(), v.isoformat(" ", "minutes"), v.isoformat(timespec="milliseconds"), v.ctime(), v.date(), v.time(), repr(v.timetz()),
          v.utcoffset(), v.dst(), v.tzname(), v.toordinal(), v.weekday(), tuple(v.isocalendar()), tuple(v.timetuple()), tuple(v.utctimetuple()) if v.year not in (1, 9999) else "")
    print("  ", v.strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %a %b %j"), f"{v:%c}", v.replace(microsecond=0, tzinfo=None), hash(v) == hash(pickle.loads(pickle.dumps(v))))
a = vals[5]
print(a + timedelta(days=200, seconds=-10**5), timedelta(hours=20) + a, a - timedelta(weeks=3), a - vals[7], vals[7] - a, vals[1] - vals[0], vals[0] - vals[1])
print(a == datetime(2020, 6, 15, 2, 30, 5, tzinfo=utc), a < vals[6], a.astimezone(utc), a.astimezone(neg), repr(a.astimezone(ist)), vals[6].astimezone(ist))
print(datetime(2020, 1, 1) == date(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1), date(2020, 1, 1) == datetime(2020, 1, 1))
print(datetime.combine(date(2020, 1, 2), time(3, 4, tzinfo=ist)), datetime.combine(date(2020, 1, 2), time(3, 4, fold=1), tzinfo=utc).fold, repr(datetime.combine(date(2020, 1, 2), time(3), None)))
print(datetime.fromtimestamp(0, utc), datetime.fromtimestamp(1.5, ist), datetime.fromtimestamp(-1.25, utc), datetime.utcfromtimestamp(1234567890.123456),
      datetime.utcfromtimestamp(0.0000005), datetime.utcfromtimestamp(0.0000015), datetime.utcfromtimestamp(-0.0000005), datetime.utcfromtimestamp(1e9 + 0.9999999))
print(datetime(1970, 1, 2, tzinfo=utc).timestamp(), datetime(2020, 1, 1, 0, 0, 0, 5, tzinfo=ist).timestamp(), datetime(2038, 1, 19, 3, 14, 8, tzinfo=utc).timestamp())
print(datetime.min, datetime.max, datetime.resolution, UTC is utc, repr(UTC))
print(datetime.strptime("03/04/05 10:11", "%d/%m/%y %H:%M"), repr(datetime.strptime("2020-01-02T03:04:05.5+0100", "%Y-%m-%dT%H:%M:%S.%f%z")))
for s in ["2021-05-06T07:08:09.5+02:00", "2021-05-06", "2021-05-06 07:08", "20210506T070809", "2021-W05-3T10:11", "2021W053T10", "2021-123", "2021-05-06T07:08:09Z",
          "2021-05-06T07:08:09.123456789-03:30", "2021-05-06X07", "2021-05-06T25:00", "2021-05-06T", "2021-05", "2021-05-06T07:08:09+24:00", "2021-05-06\ud800 07:00", "2021-05-06\u00e907:08"]:
    try:
        print(repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print("ValueError", e)
for v in vals[5:7] + [datetime(2020, 1, 1, fold=1)]:
    for proto in (2, 4):
        u = pickle.loads(pickle.dumps(v, proto))
        print(proto, repr(u), u == v)
print(vals[6].__reduce__(), vals[6].__reduce_ex__(4))
class DT(datetime):
    pass
d = DT(2020, 1, 1, 12)
print(repr(d), type(d + timedelta(1)).__name__, type(d - timedelta(1)).__name__, type(d.replace(year=2021)).__name__, type(DT.fromisoformat("2020-01-01")).__name__,
      type(DT.combine(date(2020, 1, 1), time())).__name__, type(DT.fromtimestamp(0, utc)).__name__, type(DT.strptime("2020", "%Y")).__name__, type(d.astimezone(utc)).__name__, d - datetime(2019, 1, 1))
for bad in [lambda: datetime(2020, 1, 1) - a, lambda: datetime(2020, 1, 1) < a, lambda: datetime(2020, 1, 1) < date(2020, 1, 1), lambda: date(2020, 1, 1) < datetime(2020, 1, 1),
            lambda: datetime(2020, 1, 1) - date(2020, 1, 1), lambda: datetime(2020, 1), lambda: datetime(2020, 1, 1, 24), lambda: datetime(2020, 1, 1, tzinfo=5),
            lambda: datetime.max + timedelta(1), lambda: datetime.min - timedelta(microseconds=1), lambda: datetime(2020, 1, 1).isoformat("ab"), lambda: datetime(2020, 1, 1).isoformat(timespec="x"),
            lambda: datetime.fromtimestamp(float("nan")), lambda: datetime.fromtimestamp(1e20), lambda: datetime.utcfromtimestamp(-1e13), lambda: datetime.fromtimestamp("1"),
            lambda: datetime.fromisoformat(None), lambda: datetime.combine(1, time()), lambda: datetime.strptime("x", "%Y"), lambda: datetime(2020, 1, 1).replace(fold=3),
            lambda: datetime.fromtimestamp(0, 5), lambda: a + a, lambda: 1 - a]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
