# _lsprof / cProfile: call counts, callers, builtins/subcalls flags, custom timers.
# Times are never printed (they vary); only counts and structure.
import _lsprof
import cProfile
import io
import pstats
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    out = []
    for i in range(4):
        out.append(fib(8))
    try:
        int("x")
    except ValueError:
        pass
    return sorted(out)


def name(code):
    return code if isinstance(code, str) else code.co_name


def show(stats):
    for func, (cc, nc, tt, ct, callers) in sorted(stats.stats.items(),
                                                  key=lambda kv: (kv[0][2], kv[0][1])):
        calls = sorted((k[2], v[0], v[1]) for k, v in callers.items())
        print(" ", func[2], cc, nc, calls)


# cProfile.Profile + pstats
pr = cProfile.Profile()
pr.enable()
work()
pr.disable()
show(pstats.Stats(pr, stream=io.StringIO()))

# runctx collects into a Profile; print_stats output shape (no times)
pr = cProfile.Profile()
pr.runctx("work()", globals(), locals())
s = io.StringIO()
st = pstats.Stats(pr, stream=s).sort_stats("calls")
print("total_calls", st.total_calls, "prim_calls", st.prim_calls)

# raw getstats entries
p = _lsprof.Profiler()
p.enable()
fib(5)
p.disable()
entries = {name(e.code): e for e in p.getstats()}
e = entries["fib"]
print(type(e).__name__, type(e).__module__, len(e), e.callcount, e.reccallcount)
print(sorted((name(s.code), s.callcount, s.reccallcount) for s in e.calls))
print(type(e.calls[0]).__name__, len(e.calls[0]))
print(isinstance(e.totaltime, float), e.totaltime >= e.inlinetime >= 0)
print(sorted(entries))

# builtins=False hides C calls; subcalls=False leaves calls None
p = _lsprof.Profiler(builtins=False, subcalls=False)
p.enable()
work()
p.disable()
print(sorted((name(e.code), e.callcount, e.calls) for e in p.getstats()))

# clear() empties; enable() arguments
p.clear()
print(p.getstats())
p = _lsprof.Profiler()
p.enable(subcalls=False, builtins=False)
fib(3)
p.disable()
print(sorted((name(e.code), e.callcount) for e in p.getstats()))

# an integer timer with a unit, a float timer
ticks = iter(range(0, 10**6, 10))
p = _lsprof.Profiler(lambda: next(ticks), 0.5)
p.enable()
fib(2)
p.disable()
e = {name(e.code): e for e in p.getstats()}["fib"]
print(e.callcount, e.totaltime > 0, e.totaltime == int(e.totaltime * 2) / 2)
clock = iter([x / 4 for x in range(1000)])
p = _lsprof.Profiler(lambda: next(clock))
p.enable()
fib(1)
p.disable()
print({name(e.code): e.callcount for e in p.getstats()}.get("fib"))

# argument errors
for args, kw in [((), {"timeunit": "x"}), ((), {"bogus": 1}), ((None, 0.0, 1, 1, 5), {})]:
    try:
        _lsprof.Profiler(*args, **kw)
    except TypeError as exc:
        print("TypeError", exc)
try:
    _lsprof.Profiler().enable(1, 2, 3)
except TypeError as exc:
    print("TypeError", exc)
print(sys.getprofile())
print(_lsprof.Profiler.__name__, _lsprof.Profiler.__module__)
