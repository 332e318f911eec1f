# exceptions: raising and catching built-in and user exceptions, try/finally, re-raise,
# chaining, and exceptions crossing several frames.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -1


def deep(n):
    if n == 0:
        raise AppError(7)
    return deep(n - 1)


def work(n):
    total = 0
    for i in range(n):
        total += parse("x" if i % 3 == 0 else "12")
        try:
            deep(i % 5)
        except AppError as e:
            total += e.code
        try:
            try:
                {}[i]
            except KeyError as e:
                raise IndexError(i) from e
        except IndexError as e:
            total += 1 if e.__cause__ is not None else 0
        finally:
            total += 1
        try:
            1 / (i % 2)
        except ZeroDivisionError:
            total -= 1
    return total


print(work(400000))
