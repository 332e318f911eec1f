print(ord("a"), ord(b"z"), ord("\u20ac"), chr(65), chr(0x1F600) == "\U0001F600")
for bad in ("ab", "", b"xy", 5):
    try:
        ord(bad)
    except TypeError as e:
        print(e)
try:
    chr(0x110000)
except ValueError as e:
    print(e)
print(abs(-3), divmod(7, -2), pow(2, 10), pow(2, 10, 1000), round(2.5), round(3.14159, 2))
print(bin(10), oct(8), hex(255), hex(-1))
print(callable(len), callable(3), isinstance(3, int), issubclass(bool, int))
print(all([]), any([]), all([1, 0]), any([0, 2]))
print(repr("x"), ascii("é"), format(3.5, ".2f"), format(10, "x"))
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([-3, 1], key=abs))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(None, [0, 1, 2])))
print(list(zip("ab", [1, 2, 3])))
try:
    list(zip("ab", [1, 2, 3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip("abc", [1], strict=True))
except ValueError as e:
    print(e)
print(getattr(1, "real"), getattr(1, "nope", "dflt"), hasattr("", "join"))
try:
    getattr(1, 2)
except TypeError as e:
    print(e)
it = iter([1])
print(next(it), next(it, "end"))
try:
    next(5)
except TypeError as e:
    print(e)
print(eval("1 + 2"), eval("x * 2", {"x": 21}))
ns = {}
exec("y = 5", ns)
print(ns["y"])
try:
    round("x")
except TypeError as e:
    print(e)
