# Recursion limit 100,000: runaway recursion is a RecursionError, never a crash — for
# Python-to-Python calls (no C recursion in the eval loop) and for recursion through C
# (__repr__, __eq__, getattr hooks, builtins calling back), where the C stack is guarded
import sys
import threading

sys.setrecursionlimit(100000)
print(sys.getrecursionlimit())


def f(n):
    return f(n + 1)


def depth_reached():
    n = 0

    def g():
        nonlocal n
        n += 1
        g()
    try:
        g()
    except RecursionError as e:
        return n > 90000, str(e)


try:
    f(0)
except RecursionError as e:
    print('python calls:', e)
print(depth_reached())


def gen_chain(n):
    yield from gen_chain(n + 1)


class R:
    def __repr__(self):
        return repr(self)


class E:
    def __eq__(self, other):
        return self == other


class A:
    def __getattr__(self, name):
        return getattr(self, name)


def via_map(n):
    return list(map(via_map, [n]))


def c_recursion():
    for name, fn in [('yield from', lambda: next(gen_chain(0))), ('repr', lambda: repr(R())), ('eq', lambda: E() == E()),
                     ('getattr', lambda: hasattr(A(), 'x')), ('map', lambda: len(via_map(0)))]:
        try:
            fn()
        except RecursionError as e:
            # which C-level check trips first (and so the message's suffix) differs
            print(name + ':', str(e).startswith('maximum recursion depth exceeded'))
    nested = []
    for i in range(200000):
        nested = [nested]
    try:
        repr(nested)
    except RecursionError as e:
        print('nested list repr:', e)


# a big thread stack, so that an interpreter without a C-stack guard reaches the limit
# of 100,000 C-level entries only if its C frames are small
threading.stack_size(192 << 20)
t = threading.Thread(target=c_recursion)
t.start()
t.join()
print('still alive', sys.getrecursionlimit())
