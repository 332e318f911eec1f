# sys.settrace through with statements: __enter__/__exit__ frames, suppression,
# exceptions inside the block, nested with
from _tr import trace


class CM:
    def __init__(self, suppress=False):
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, typ, val, tb):
        return self.suppress


def simple():
    with CM() as c:
        x = 1
    return x


def suppressed():
    with CM(True):
        1 / 0
    return 'after'


def not_suppressed():
    with CM():
        raise RuntimeError('boom')


def nested():
    with CM() as a, CM() as b:
        y = 2
    with CM():
        with CM():
            z = 3
    return y + z



trace(simple)
trace(suppressed)
trace(not_suppressed)
trace(nested)
