# time: construction, reprs, isoformat/fromisoformat, comparisons, hashing, pickling
from datetime import time, timezone, timedelta, tzinfo
import pickle
tz1 = timezone(timedelta(hours=2))
tz2 = timezone(timedelta(hours=-3, minutes=-30), "X")
for t in [time(), time(1), time(13, 5), time(13, 5, 7), time(13, 5, 7, 1000), time(23, 59, 59, 999999),
          time(1, 2, 3, 4, tz1), time(0, 0, tzinfo=timezone.utc), time(5, fold=1), time(5, 6, 7, tzinfo=tz2, fold=1)]:
    print(repr(t), str(t), t.isoformat("hours"), t.isoformat(timespec="milliseconds"), t.isoformat("microseconds"),
          t.utcoffset(), t.dst(), t.tzname(), t.strftime("%H:%M:%S.%f %z %Z %p"), f"{t:%I}", bool(t), t.fold)
print(time(12, tzinfo=tz1) == time(10, tzinfo=timezone.utc), time(12, tzinfo=tz1) < time(10, 0, 1, tzinfo=timezone.utc), time(1) == time(1, tzinfo=tz1), time(1) != time(1, tzinfo=tz1))
print(hash(time(12, tzinfo=tz1)) == hash(time(10, tzinfo=timezone.utc)), hash(time(5)) == hash(time(5, fold=1)), time(5) == time(5, fold=1))
print(time(1, 2).replace(hour=3, tzinfo=tz1), time(1, 2, tzinfo=tz1).replace(tzinfo=None), repr(time(1).replace(fold=1)))
print(time.min, time.max, time.resolution)
for t in [time(1, 2, 3, 4, tz1), time(5, fold=1), time(7, 8, 9, 10, tz2, fold=1)]:
    for proto in range(0, 6):
        u = pickle.loads(pickle.dumps(t, proto))
        print(proto, repr(u), u.fold)
print(time(5, fold=1).__reduce__(), time(5, fold=1).__reduce_ex__(4))
for s in ["10:20:30", "T10:20:30", "10", "1020", "102030", "10:20", "10:20:30.5", "10:20:30,123", "10:20:30.1234567", "10:20:30.123456789",
          "10:20:30+05:00", "10:20:30Z", "10:20:30-0130", "10:20:30+05:00:07.5", "10:20:30.123+00:00", "10:20:", "10:2030", "1:20", "24:00", "10:20:30Zx", "10:20:30+", "", "10:20:30 "]:
    try:
        print(s, repr(time.fromisoformat(s)))
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: time(24), lambda: time(0, 60), lambda: time(0, 0, 60), lambda: time(0, 0, 0, 10**6), lambda: time(fold=2), lambda: time(tzinfo=1),
            lambda: time(1) < time(1, tzinfo=tz1), lambda: time(1) < 1, lambda: time(1).isoformat("days"), lambda: time.fromisoformat(5), lambda: time(1, 2, 3, 4, 5, 6)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class BadTZ(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=25)
    def tzname(self, dt): return 5
class StrTZ(tzinfo):
    def utcoffset(self, dt): return 60
for tz in (BadTZ(), StrTZ()):
    for f in (lambda t: t.utcoffset(), lambda t: t.isoformat(), lambda t: t.tzname()):
        try:
            print(f(time(1, tzinfo=tz)))
        except Exception as e:
            print(type(e).__name__, e)
class T(time):
    pass
print(repr(T(1, 2)), type(T.fromisoformat("01:02")).__name__, type(T(1).replace(hour=2)).__name__)
