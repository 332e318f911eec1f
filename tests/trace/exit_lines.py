# Line of the implicit `return None` (and its 'return' event) when a function ends in
# nested try statements or an `async for`: the return shows the line that led to it,
# not the last line of the function (3.11's extend_block + line propagation)
import sys
from _tr import trace


def try_in_try():
    try:
        try:
            pass
        except Exception as ex:
            pass
    except Exception:
        pass


def try_in_try_raises():
    try:
        try:
            raise KeyError
        except KeyError as ex:
            x = 1
    except Exception:
        pass


def try_else_in_try(a):
    try:
        try:
            a = a + 1
        except TypeError:
            a = 0
        else:
            a = a * 2
    finally:
        a = -a


def for_in_try(items):
    try:
        for x in items:
            if x:
                break
    except ValueError:
        pass


def with_in_try():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): return False
    try:
        with CM():
            y = 1
    except Exception:
        pass


trace(try_in_try)
trace(try_in_try_raises)
trace(try_else_in_try, 1)
trace(try_else_in_try, 'a')
trace(for_in_try, [0, 1])
trace(for_in_try, [])
trace(with_in_try)
for f in (try_in_try, try_in_try_raises, try_else_in_try, for_in_try):
    print(f.__name__, sorted({l for _, _, l in f.__code__.co_lines()
                              if l is not None and l > f.__code__.co_firstlineno}))


async def arange(n):
    for i in range(n):
        yield i


async def afor(n):
    async for i in arange(n):
        if i > 100:
            break


async def afor_else(n):
    async for i in arange(n):
        pass
    else:
        z = 3


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


trace(run, afor(2))
trace(run, afor_else(1))
