"""Helpers for the trace tests: record sys.settrace / sys.setprofile events of code in
the calling test file and print them (addresses removed from reprs)."""
import re
import sys

_ADDR = re.compile(r' at 0x[0-9a-fA-F]+')


def norm(obj):
    if isinstance(obj, tuple) and len(obj) == 3 and isinstance(obj[0], type):
        return obj[0].__name__ + ': ' + _ADDR.sub('', str(obj[1]))
    return _ADDR.sub('', repr(obj))


class Tracer:
    def __init__(self, filename, show_args=True):
        self.filename = filename
        self.events = []
        self.show_args = show_args

    def __call__(self, frame, event, arg):
        if frame.f_code.co_filename != self.filename:
            return None
        self.record(frame, event, arg)
        return self

    def record(self, frame, event, arg):
        text = '%s %s %s' % (event, frame.f_code.co_name, frame.f_lineno)
        if self.show_args and event in ('return', 'exception'):
            text += ' ' + norm(arg)
        self.events.append(text)

    def dump(self):
        for e in self.events:
            print(e)
        self.events = []


def trace(func, *args, **kw):
    """Run func under a line tracer limited to its file; print the events and result."""
    t = Tracer(func.__code__.co_filename)
    sys.settrace(t)
    try:
        result = func(*args, **kw)
    except BaseException as e:
        result = 'raised ' + type(e).__name__
    finally:
        sys.settrace(None)
    t.dump()
    print('->', norm(result))


class Profiler:
    def __init__(self, filename):
        self.filename = filename
        self.events = []

    def __call__(self, frame, event, arg):
        if event.startswith('c_'):
            if frame.f_code.co_filename == self.filename:
                self.events.append('%s %s' % (event, getattr(arg, '__qualname__', arg.__name__)))
        elif frame.f_code.co_filename == self.filename:
            text = '%s %s %s' % (event, frame.f_code.co_name, frame.f_lineno)
            if event == 'return':
                text += ' ' + norm(arg)
            self.events.append(text)


def profile(func, *args):
    p = Profiler(func.__code__.co_filename)
    sys.setprofile(p)
    try:
        result = func(*args)
    except BaseException as e:
        result = 'raised ' + type(e).__name__
    finally:
        sys.setprofile(None)
    for e in p.events:
        print(e)
    print('->', norm(result))
