import datetime as dt
d = dt.date(2024, 2, 28)
print(d, repr(d), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.strftime("%A %d %B %Y %j"))
t = dt.datetime(2023, 12, 31, 23, 59, 59, 123456)
print(t, repr(t), t + dt.timedelta(seconds=1), t.isoformat(), t.isoformat(timespec="minutes"), t.date(), t.time(), t.timestamp() if False else "")
print(dt.datetime.fromisoformat("2021-05-06T07:08:09.5+02:00"), dt.date.fromisoformat("2020-01-01"), dt.datetime.strptime("03/04/05 10:11", "%d/%m/%y %H:%M"))
td = dt.timedelta(days=-1, hours=3, microseconds=7)
print(td, repr(td), td.total_seconds(), abs(td), td * 2, td // 2, dt.timedelta(hours=25) / dt.timedelta(hours=1), str(dt.timedelta(0)))
tz = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
a = dt.datetime(2020, 1, 1, 12, tzinfo=tz)
print(a, a.tzname(), a.utcoffset(), a.astimezone(dt.timezone.utc), dt.timezone.utc, repr(dt.timezone(dt.timedelta(hours=-3))))
print(dt.time(13, 5, 7, 1000), dt.time(1).isoformat(), dt.time.fromisoformat("10:20:30"), dt.date.min, dt.date.max, dt.datetime.max)
print(dt.datetime(2020, 3, 1) - dt.datetime(2020, 2, 1), dt.date(2000, 1, 1) < dt.date(2000, 1, 2), dt.datetime(2020, 1, 1).replace(year=2021, month=5))
print(dt.datetime.fromtimestamp(0, dt.timezone.utc), dt.datetime(1970, 1, 2, tzinfo=dt.timezone.utc).timestamp(), dt.date.fromordinal(730000))
print(f"{d:%Y/%m/%d}", format(t, "%H:%M:%S.%f"), d.ctime(), t.ctime(), dt.MINYEAR, dt.MAXYEAR)
for args in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1)]:
    try:
        dt.date(*args)
    except ValueError as e:
        print(e)
try:
    dt.datetime(2020, 1, 1) - a
except TypeError as e:
    print(e)
