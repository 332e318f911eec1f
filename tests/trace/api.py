# sys.settrace API: gettrace, the local trace function kept in f_trace, f_trace set by
# hand (as bdb does), tracing off inside the trace function, a trace function that
# raises, f_trace_lines, f_trace_opcodes, call_tracing, _getframe().f_trace
import sys


def target(a):
    b = a + 1
    return b


events = []


def local(frame, event, arg):
    events.append(('local', event, frame.f_code.co_name))
    return local


def glob(frame, event, arg):
    if frame.f_code.co_name != 'target':
        return None
    events.append(('global', event, frame.f_code.co_name))
    target  # a name lookup inside the tracer: no events for the tracer itself
    len([])
    return local


print(sys.gettrace())
sys.settrace(glob)
print(sys.gettrace() is glob)
target(1)
sys.settrace(None)
print(sys.gettrace())
for e in events:
    print(e)

# the local trace function returned from 'call' is the frame's f_trace
seen = []


def keep(frame, event, arg):
    if frame.f_code.co_name == 'show':
        seen.append((event, frame.f_trace is keep2 if frame.f_trace else None))
        return keep2
    return None


def keep2(frame, event, arg):
    seen.append(('local', event))
    return keep2


def show():
    f = sys._getframe()
    return f.f_trace is keep2


sys.settrace(keep)
r = show()
sys.settrace(None)
print(r, seen)

# f_trace set on a running frame (bdb.set_trace does this for the callers)
log = []


def setter():
    frame = sys._getframe()
    frame.f_trace = lambda fr, ev, arg: log.append((ev, fr.f_lineno - frame.f_code.co_firstlineno)) or None
    sys.settrace(lambda *a: None)
    x = 1
    y = 2
    sys.settrace(None)
    return x + y


print(setter(), log)

# a trace function raising: tracing is turned off and the exception propagates
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError('tracer failed')
    return bad


def victim():
    a = 1
    return a


sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print('propagated:', e, sys.gettrace())

# profile function raising
def badprof(frame, event, arg):
    raise KeyError('prof')


sys.setprofile(badprof)
try:
    victim()
except KeyError as e:
    print('profile propagated:', e, sys.getprofile())

# f_trace_lines = False: no line events, other events still come
evs = []


def nolines(frame, event, arg):
    if frame.f_code.co_name == 'victim':
        frame.f_trace_lines = False
        evs.append(event)
        return nolines
    return None


sys.settrace(nolines)
victim()
sys.settrace(None)
print(evs)

# f_trace_opcodes = True: 'opcode' events, each before its instruction
ops = []


def opcodes(frame, event, arg):
    if frame.f_code.co_name == 'victim':
        frame.f_trace_opcodes = True
        ops.append((event, frame.f_lasti >= 0))
        return opcodes
    return None


sys.settrace(opcodes)
victim()
sys.settrace(None)
kinds = [e for e, _ in ops]
print(kinds[0], kinds[-1], 'opcode' in kinds, kinds.count('line'),
      all(ok for e, ok in ops if e == 'opcode'), kinds[kinds.index('line') + 1])
print(type(sys._getframe().f_trace_opcodes), sys._getframe().f_trace)

# sys.call_tracing: calls the function with the current trace function active
# (3.11 misbehaves when it is called from inside a trace function: not tested)
inner_events = []


def inner_tracer(frame, event, arg):
    if frame.f_code.co_name == 'victim':
        inner_events.append(event)
    return inner_tracer


sys.settrace(inner_tracer)
print(sys.call_tracing(victim, ()))
sys.settrace(None)
print(inner_events)
try:
    sys.call_tracing(victim, [])
except TypeError as e:
    print(e)
