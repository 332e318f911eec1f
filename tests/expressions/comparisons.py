# Comparisons: chaining evaluates each operand once, mixed types, identity, membership.
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1 == 1 != 2 <= 2 >= 2)
print(1 == 1.0, 2 < 2.5, "a" < "b", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") == (1, "a"), (2,) > (1, 99))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1: 2} == {1: 2}, None == 0, None is None)
x = [1, 2, 3]
y = x
print(x is y, x is not [1, 2, 3], x == [1, 2, 3], 2 in x, 5 not in x, "b" in "abc")
print("ab" in "cabd", "" in "x", 3 in range(5), 1 in {1: "a"}, "a" in {1: "a"})
for a, b in [(1, "1"), ([], ()), ("a", 1)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(a == b, [] == (), float("nan") in [float("nan")])
