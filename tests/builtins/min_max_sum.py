print(max(3, 1, 2), min(3, 1, 2), max([4, 5]), min("bca"))
print(max([], default=None), min([1, -2], key=abs))
for f in (max, min):
    for args, kw in [((), {}), (([],), {}), ((1, 2), {"default": 0}), ((1,), {})]:
        try:
            print(f(*args, **kw))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(10), start=5))
for s in ("", b"", bytearray()):
    try:
        sum([], s)
    except TypeError as e:
        print(e)
print(sum([10**20, 10**20]))
