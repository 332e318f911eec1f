import timeit
n = 0
def f():
    global n; n += 1
t = timeit.Timer(f); r = t.timeit(number=100); print(n, type(r).__name__, r >= 0)
res = timeit.repeat("x = 1", repeat=3, number=10); print(len(res), all(x >= 0 for x in res))
print(timeit.timeit("sum(range(10))", number=5) >= 0, timeit.Timer("pass").autorange()[0] >= 1)
t2 = timeit.Timer("y = x * 2", setup="x = 3", globals={}); t2.timeit(1); print("ok")
try:
    timeit.Timer("return")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    timeit.Timer("1/0").timeit(1)
except ZeroDivisionError:
    print("ZeroDivisionError")
