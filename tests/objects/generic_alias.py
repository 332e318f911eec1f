# types.GenericAlias (PEP 585): list[int] and friends
a = list[int]
GA = type(a)
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], list[[int, str]])
print(GA, GA.__module__, GA.__name__, GA.__qualname__)
print(a.__origin__, a.__args__, a.__parameters__)
# attributes other than a few are looked up on the origin
print(a.__name__, a.__qualname__, a.__module__, a.append)
print(a == list[int], a != list[str], hash(a) == hash(list[int]), a == list)
# calling the alias calls the origin
print(a(), a((1, 2)), dict[str, int](x=1))
# subclassing an alias subclasses the origin
class C(list[int]):
    pass
print(C.__mro__, C.__orig_bases__)
print(C[int], GA(list, (int,)), GA(list, int), type[int])
print(list[int].__class__, dir(list[int])[:5], '__origin__' in dir(list[int]))
print(*tuple[int, str], list(tuple[int]), next(iter(tuple[int])).__unpacked__)
print(list[int].__reduce__(), list[int].__mro_entries__((1,)))
print(set[int], frozenset[str], type[str], tuple[int, str].__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    list[int][str]
except TypeError as e:
    print("TypeError:", e)
try:
    GA(list)
except TypeError as e:
    print("TypeError:", e)
try:
    GA(list, int, x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)
