# Container displays: lists, tuples, dicts, sets, with unpacking.
a = [1, 2]
b = (3, 4)
d = {"x": 1}
print([], [1], [1, 2, 3,], (), (1,), (1, 2), {}, {1: "a", 2: "b"}, {1, 2, 3})
print([*a, *b, 5], (*a, *b), {*a, *b}, [*"ab", *range(2)], (*a,))
print({**d, "y": 2}, {**d, **{"x": 9}}, {"x": 0, **d}, dict(d, z=3))
print({1: "first", 1: "second"}, {1, 1, 1}, {True: "t", 1: "one"}, {1.0: "x", 1: "y"})
print([[]] * 2, [[1, 2], [3]], ((1, 2), (3,)), {"k": [1, {"n": (2,)}]})
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], len(nested))
print(type([]).__name__, type(()).__name__, type({}).__name__, type({1}).__name__)
print(sorted({5, 3, 9, 1}), list({3: 0, 1: 0, 2: 0}), 2 in {1, 2}, {0, 1} | {2})
