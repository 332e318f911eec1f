import time
t = time.time(); print(type(t).__name__, t > 1.6e9, type(time.time_ns()).__name__)
a = time.monotonic(); time.sleep(0.01); print(time.monotonic() - a >= 0.009)
print(time.perf_counter() > 0, time.process_time() >= 0)
g = time.gmtime(1234567890)
print(g, g.tm_year, g[0], len(g), g.tm_zone, g.tm_gmtoff)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", g), time.asctime(g))
print(time.gmtime(0)[:6], time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
print(time.strftime("%%", g), time.strftime("", g) == "")
for bad in ((2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0)):
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print(e)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
lt = time.localtime(1234567890)
print(time.mktime(lt) == 1234567890.0)
info = time.get_clock_info("monotonic"); print(info.monotonic, info.adjustable)
