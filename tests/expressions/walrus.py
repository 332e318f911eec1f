# Assignment expressions (:=) in conditions, loops and comprehensions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
it = iter(data)
while (x := next(it, None)) is not None:
    print("got", x)
print([y for v in data if (y := v * 2) > 6], y)
print([(last := v) for v in range(4)], last)
print((z := 10) + z, z)
def f():
    total = 0
    [total := total + v for v in range(5)]
    return total
print(f())
print(any((hit := v) > 7 for v in data), hit)
