# Loops closed by a conditional jump (jump threading turns `if x: pass` at the end of a
# `while True:` body into a backward POP_JUMP_IF_*) must still poll for signals.
import signal


class Stop(Exception):
    pass


def handler(*args):
    raise Stop


signal.signal(signal.SIGALRM, handler)


def run(name, fn):
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        fn()
    except Stop:
        print(name, "interrupted")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def if_false():
    x = 0
    while True:
        if x:
            pass


def if_true():
    x = 1
    while True:
        if not x:
            pass


def if_none():
    x = None
    while True:
        if x is not None:
            pass


def if_not_none():
    x = 1
    while True:
        if x is None:
            pass


def compare():
    a, b = 1, 2
    while True:
        if a > b:
            pass


def while_cond():
    a = 0
    while a < 1:
        pass


for name, fn in [("if_false", if_false), ("if_true", if_true), ("if_none", if_none),
                 ("if_not_none", if_not_none), ("compare", compare),
                 ("while_cond", while_cond)]:
    run(name, fn)
