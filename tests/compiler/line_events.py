# sys.settrace line events for code whose generated instructions need line numbers
# (implicit returns at joins, loop back-jumps, finally/with/except unwinding, decorated
# classes, multi-line conditions): each event sequence must be 3.11's.
import sys


def trace(func, *args):
    events = []
    code = func.__code__

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == code.co_filename:
            events.append('%s %s %s' % (event, frame.f_code.co_name,
                                        frame.f_lineno - code.co_firstlineno))
        return tracer
    sys.settrace(tracer)
    try:
        result = func(*args)
    except Exception as e:
        result = type(e).__name__
    finally:
        sys.settrace(None)
    print(func.__name__, result)
    print('   ', ', '.join(e for e in events if ' trace ' not in e))


def if_join(a):
    if a:
        x = 1
    else:
        x = 2


def if_no_else(a):
    if a:
        a = 0


def nested_loops(n):
    for i in range(n):
        j = 0
        while j < i:
            j += 1


def while_else(n):
    while n:
        n -= 1
    else:
        n = 'else'
    return n


def break_in_finally():
    for i in range(3):
        try:
            pass
        finally:
            break
    return i


def return_in_except():
    try:
        raise ValueError
    except ValueError:
        return 'handled'


def with_in_loop(cm):
    for i in range(2):
        with cm:
            if i:
                break
    return i


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def multiline_condition(a, b):
    if (a and
            b > 1):
        return 'both'
    return 'not'


def decorated_class():
    def deco(c):
        return c

    @deco
    class K:
        x = 1
    return K.x


def assert_fail(v):
    assert v > 0, 'must be positive'


def raise_in_finally():
    try:
        return 1
    finally:
        y = 0


def continue_in_with(cm):
    n = 0
    for i in range(2):
        with cm:
            continue
        n += 1
    return n


def generator_end(n):
    for i in range(n):
        yield i


def run_gen(n):
    return list(generator_end(n))


def lambda_line():
    f = (lambda x:
         x + 1)
    return f(1)


trace(if_join, 1)
trace(if_join, 0)
trace(if_no_else, 1)
trace(if_no_else, 0)
trace(nested_loops, 3)
trace(while_else, 2)
trace(break_in_finally)
trace(return_in_except)
trace(with_in_loop, CM())
trace(multiline_condition, 1, 2)
trace(multiline_condition, 0, 2)
trace(decorated_class)
trace(assert_fail, 0)
trace(raise_in_finally)
trace(continue_in_with, CM())
trace(run_gen, 2)
trace(lambda_line)
print(eval(compile('(1 +\n 1)', '<s>', 'eval')), list(compile('(1 +\n 1)', '<s>', 'eval').co_lines())[-1][2])
