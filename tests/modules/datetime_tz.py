# timezone and tzinfo: reprs, names, offsets, fromutc, pickling, user tzinfo subclasses
from datetime import datetime, timedelta, timezone, tzinfo, time
import pickle, copy
for off in [timedelta(0), timedelta(hours=5, minutes=30), timedelta(hours=-3), timedelta(seconds=-1), timedelta(hours=23, minutes=59, seconds=59, microseconds=999999),
            timedelta(minutes=1, seconds=30), timedelta(microseconds=5)]:
    tz = timezone(off)
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), tz == timezone(off), hash(tz) == hash(off), tz is timezone.utc, pickle.loads(pickle.dumps(tz)) == tz)
named = timezone(timedelta(hours=1), "CET")
print(repr(named), str(named), named.tzname(None), repr(timezone(timedelta(0), "UTC")), timezone(timedelta(0), "Z") == timezone.utc, repr(pickle.loads(pickle.dumps(named))))
print(repr(timezone.utc), repr(timezone.min), repr(timezone.max), timezone.min, timezone.max, timezone.utc.__reduce__(), named.__getinitargs__(), copy.deepcopy(named))
print(named.fromutc(datetime(2020, 1, 1, tzinfo=named)), timezone.utc == 1, timezone.utc != named)
for bad in [lambda: timezone(5), lambda: timezone(timedelta(hours=24)), lambda: timezone(-timedelta(hours=24)), lambda: timezone(timedelta(0), 5),
            lambda: named.fromutc(datetime(2020, 1, 1)), lambda: named.fromutc(5), lambda: named.utcoffset(5), lambda: named.tzname(1), lambda: tzinfo().utcoffset(None),
            lambda: tzinfo().tzname(None), lambda: tzinfo().dst(None), lambda: tzinfo().fromutc(datetime(2020, 1, 1)), lambda: timezone.utc < timezone.utc]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class EST(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=-5) + self.dst(dt)
    def dst(self, dt):
        if dt is None: return timedelta(0)
        return timedelta(hours=1) if 4 <= dt.month <= 10 else timedelta(0)
    def tzname(self, dt): return "EDT" if self.dst(dt) else "EST"
    def __repr__(self): return "EST()"
e = EST()
for m in (1, 7):
    d = datetime(2020, m, 1, 12, tzinfo=e)
    print(repr(d), d, d.utcoffset(), d.dst(), d.tzname(), d.astimezone(timezone.utc), datetime(2020, m, 1, 12, tzinfo=timezone.utc).astimezone(e), tuple(d.timetuple())[-1], d.strftime("%z|%Z"))
print(e.fromutc(datetime(2020, 7, 1, 12, tzinfo=e)), datetime(2020, 7, 1, 8, tzinfo=e) == datetime(2020, 7, 1, 12, tzinfo=timezone.utc), e.__reduce__(), type(pickle.loads(pickle.dumps(e))).__name__)
class Pct(tzinfo):
    def utcoffset(self, dt): return None
    def tzname(self, dt): return "a%b"
    def dst(self, dt): return None
print(datetime(2020, 1, 1, tzinfo=Pct()).strftime("[%Z][%z]"), datetime(2020, 1, 1, tzinfo=Pct()) == datetime(2020, 1, 1), datetime(2020, 1, 1, tzinfo=Pct()).utcoffset())
