# time: deterministic parts only (struct_time, strftime/strptime on fixed tuples, clocks' types)
import time
st = time.gmtime(0)
print(st, tuple(st), st.tm_year, st.tm_yday, st.tm_zone, type(st).__name__, len(st))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", st), time.asctime(st))
p = time.strptime("2024-02-29 13:14:15", "%Y-%m-%d %H:%M:%S"); print(p[:6], p.tm_wday, p.tm_yday)
print(time.gmtime(86400 * 365.25 * 30)[:6], time.mktime(time.localtime(1000000)) == 1000000.0)
t1 = time.monotonic(); t2 = time.monotonic(); print(t2 >= t1, type(time.time()).__name__, type(time.time_ns()).__name__)
print(time.perf_counter() > 0 or True, type(time.process_time()).__name__, time.get_clock_info("monotonic").monotonic)
time.sleep(0.001); print(isinstance(time.timezone, int), time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
try:
    time.strptime("bad", "%Y")
except ValueError as e:
    print(e)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
