# time: years at the C int limits in asctime/strftime (OverflowError below INT_MIN+1900),
# embedded NUL in a strftime format, ctime of an unconvertible time_t (OSError, as localtime).
import time

TIME_MAXYEAR = (1 << 31) - 1
TIME_MINYEAR = -TIME_MAXYEAR - 1 + 1900
for y in (TIME_MAXYEAR, TIME_MINYEAR, TIME_MAXYEAR + 1, TIME_MINYEAR - 1, -TIME_MAXYEAR - 1,
          -1, -1234, 12345):
    for f in (lambda y: time.asctime((y,) + (0,) * 8),
              lambda y: time.strftime('%Y', (y,) + (0,) * 8)):
        try:
            print(y, f(y))
        except (OverflowError, ValueError) as e:
            print(y, type(e).__name__, e)
for fmt in ('%S\0', '\0', 'a\0b'):
    try:
        time.strftime(fmt, time.gmtime(0))
    except ValueError as e:
        print(repr(fmt), "ValueError", e)
for t in (2**60, float("nan"), 2**63):
    for f in (time.localtime, time.ctime):
        try:
            f(t)
        except (OSError, OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
