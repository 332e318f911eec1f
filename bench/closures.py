# closures: creating and calling closures, nonlocal updates and decorated functions.
def make_counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc


def adder(x):
    return lambda y: x + y


def twice(fn):
    def wrapper(*args, **kwargs):
        return fn(*fn(*args, **kwargs), **kwargs)
    return wrapper


@twice
def swap(a, b, scale=1):
    return b * scale, a


def work(n):
    total = 0
    counter = make_counter()
    for i in range(n):
        counter()
        total += adder(i)(1)
        a, b = swap(i, 2)
        total += a + b
    return total + counter(0)


print(work(2400000))
