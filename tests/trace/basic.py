# sys.settrace: call/line/return events for loops, branches and return values
from _tr import trace


def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total


def early(x):
    if x:
        return 'yes'
    return 'no'


def nested(a):
    def inner(b):
        return a + b
    return inner(1) + inner(2)


def multi_line_expr(x):
    y = (x +
         1 +
         2)
    z = [
        x,
        y,
    ]
    return z


def chained(a, b):
    return a < b < 10 and (
        b > 0)


def empty_loop():
    for _ in ():
        pass
    else:
        x = 1
    return x


trace(loops, 4)
trace(early, 1)
trace(early, 0)
trace(nested, 5)
trace(multi_line_expr, 3)
trace(chained, 1, 2)
trace(empty_loop)
trace(lambda: 42)
