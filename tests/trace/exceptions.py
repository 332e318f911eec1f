# sys.settrace: 'exception' events where an exception is raised or passes through a
# frame, try/except/finally/else, re-raise, uncaught exceptions leaving callers
from _tr import trace


def caught():
    try:
        x = 1 / 0
    except ZeroDivisionError as e:
        x = str(e)
    return x


def with_else():
    try:
        x = 1
    except ValueError:
        x = 2
    else:
        x = 3
    finally:
        x += 10
    return x


def reraise():
    try:
        raise KeyError('k')
    except KeyError:
        raise



def inner():
    raise ValueError('deep')


def middle():
    inner()


def outer():
    try:
        middle()
    except ValueError as e:
        return 'caught ' + str(e)


def uncaught():
    middle()


def chained():
    try:
        {}['missing']
    except KeyError:
        raise TypeError('converted') from None


def not_matching():
    try:
        try:
            [][1]
        except KeyError:
            pass
    except IndexError:
        return 'outer'


def finally_reraises():
    try:
        int('x')
    finally:
        z = 0


def loop_with_exceptions():
    out = []
    for v in ['1', 'a', '2']:
        try:
            out.append(int(v))
        except ValueError:
            out.append(None)
    return out


trace(caught)
trace(with_else)
trace(reraise)
trace(outer)
trace(uncaught)
trace(chained)
trace(not_matching)
trace(finally_reraises)
trace(loop_with_exceptions)
