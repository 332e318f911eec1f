# types.UnionType (PEP 604): int | str
u = int | str
print(u, type(u), u.__args__, u.__parameters__, u.__module__)
print(int | None, None | int, int | None | str | int, list[int] | None)
print(int | int, int | list[int] | list[int], (int | str) | (str | float))
print(u == (str | int), hash(u) == hash(str | int), u == int, u != (int | float))
print(int | str | None == int | (str | None))
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.0, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str), isinstance([], list | tuple))
class A:
    pass
print(A | None, isinstance(A(), A | int))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
try:
    type(u)()
except TypeError as e:
    print("TypeError:", e)
try:
    u[int]
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, list[int] | None)
except TypeError as e:
    print("TypeError:", e)
