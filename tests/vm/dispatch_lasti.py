# The instruction offset (f_lasti / f_lineno) seen from outside the running frame:
# tracebacks, sys._getframe from a callee, generators, EXTENDED_ARG operands, and a trace
# function switched on and off in the middle of a frame (the dispatch table swaps).
import sys


def lineno_of_caller():
    f = sys._getframe(1)
    return f.f_lineno - f.f_code.co_firstlineno, f.f_lasti >= 0


def callee_sees_lines():
    a = lineno_of_caller()
    b = 1
    c = lineno_of_caller()
    return a, b, c


print("caller lines:", callee_sees_lines())


def raises_at(k):
    x = 0
    for i in range(5):
        x += i
        if i == k:
            return [][i]
    return x


for k in (0, 3):
    try:
        raises_at(k)
    except IndexError as e:
        tb = e.__traceback__.tb_next
        print("traceback line:", tb.tb_lineno - raises_at.__code__.co_firstlineno,
              tb.tb_lasti == tb.tb_frame.f_lasti)


def gen():
    yield sys._getframe().f_lineno
    x = 1
    yield sys._getframe().f_lineno + x


g = gen()
first = next(g)
print("generator lines:", first - gen.__code__.co_firstlineno,
      next(g) - gen.__code__.co_firstlineno,
      g.gi_frame.f_lineno - gen.__code__.co_firstlineno)

# A function with more than 256 constants and locals: every LOAD_CONST past 255 has an
# EXTENDED_ARG prefix; the error must still point at the right line.
src = ["def big():"]
for i in range(300):
    src.append(f"    v{i} = {i * 7}")
src.append("    total = v299 + v256")
src.append("    return total + undefined_name")
ns = {}
exec("\n".join(src), ns)
try:
    ns["big"]()
except NameError as e:
    print("extended arg:", e, e.__traceback__.tb_next.tb_lineno)

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "toggled":
        events.append((event, frame.f_lineno - toggled.__code__.co_firstlineno))
    return tracer


def toggled(n):
    total = 0
    for i in range(n):
        if i == 2:
            sys.settrace(tracer)
            sys._getframe().f_trace = tracer
        total += i
        if i == 4:
            sys.settrace(None)
    total += 100
    return total


print("toggled:", toggled(8))
print("events:", events)
print("after:", toggled(3), len(events))
