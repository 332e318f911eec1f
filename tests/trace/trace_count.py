# the trace module's counting (trace.Trace(count=1)) and call tracking, in-process
import sys
import trace


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loop():
    total = 0
    for i in range(5):
        total += fib(i)
    return total


tracer = trace.Trace(count=1, trace=0)
print(tracer.runfunc(loop))
res = tracer.results()
me = __file__
counts = sorted((line, n)
                for (fn, line), n in res.counts.items() if fn == me)
print(counts)
t3 = trace.Trace(count=0, trace=0, countcallers=1)
t3.runfunc(loop)
callers = sorted((a[2], b[2], n) for (a, b), n in t3.results().callers.items()
                 if a[0] == me and b[0] == me)
print(callers)

t2 = trace.Trace(count=0, trace=0, countfuncs=1)
t2.runfunc(loop)
print(sorted(k[2] for k in t2.results().calledfuncs if k[0] == me))
