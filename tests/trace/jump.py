# frame.f_lineno assignment from a 'line' trace event (a debugger's jump): which jumps
# are allowed, 3.11's error messages, and the stack/handler state after the jump
import sys


class tracecontext:
    def __init__(self, output, value):
        self.output = output
        self.value = value

    def __enter__(self):
        self.output.append(self.value)

    def __exit__(self, *exc_info):
        self.output.append(-self.value)


def run(func, jump_from, jump_to, event='line'):
    output = []
    first = func.__code__.co_firstlineno
    state = {'done': False}

    def tracer(frame, ev, arg):
        if frame.f_code is not func.__code__:
            return None
        if (not state['done'] and ev == event and
                frame.f_lineno == first + jump_from):
            state['done'] = True
            try:
                frame.f_lineno = first + jump_to
            except ValueError as e:
                output.append('ValueError: ' + str(e).replace(str(first + jump_to), 'N'))
        return tracer

    sys.settrace(tracer)
    try:
        func(output)
    except Exception as e:
        output.append('raised ' + type(e).__name__)
    finally:
        sys.settrace(None)
    print(func.__name__, jump_from, '->', jump_to, output)


def simple(output):
    output.append(1)
    output.append(2)
    output.append(3)


def loop(output):
    for i in range(2):
        output.append(2)
        output.append(3)
    output.append(4)


def with_block(output):
    with tracecontext(output, 1):
        output.append(2)
    output.append(3)


def try_except(output):
    try:
        output.append(2)
        1 / 0
    except ZeroDivisionError:
        output.append(5)
        output.append(6)
    output.append(7)


def try_finally(output):
    try:
        output.append(2)
    finally:
        output.append(4)
    output.append(5)


def into_try(output):
    output.append(1)
    try:
        output.append(3)
        raise KeyError
    except KeyError:
        output.append(6)
    output.append(7)


def restores_exc(output):
    try:
        raise KeyError('k')
    except KeyError:
        output.append(4)
        output.append(5)
    output.append(repr(sys.exc_info()[1]))


run(simple, 1, 3)
run(simple, 3, 1)
run(simple, 2, 2)
run(simple, 1, 0)
run(simple, 1, 100)
run(simple, 1, -5)
run(loop, 2, 4)
run(loop, 4, 2)
run(loop, 1, 3)
run(with_block, 2, 3)
run(with_block, 3, 2)
run(try_except, 2, 5)
run(try_except, 5, 7)
run(try_except, 6, 1)
run(try_finally, 2, 5)
run(try_finally, 2, 4)
run(into_try, 1, 4)
run(into_try, 1, 6)
run(restores_exc, 4, 6)
run(simple, 0, 2, event='call')
run(try_except, 3, 5, event='exception')
