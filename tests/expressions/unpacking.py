# Sequence unpacking in assignments and for loops, including starred targets.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
x, *mid, y = range(5)
print(first, rest, init, last, x, mid, y)
p, *q = [1]
print(p, q)
for i, (ch, n) in enumerate(zip("xy", [10, 20])):
    print(i, ch, n)
[h, k], *_ = [[7, 8], 9]
print(h, k)
for bad in [[1], [1, 2, 3]]:
    try:
        u, v = bad
    except ValueError as err:
        print("ValueError:", err)
try:
    m, n, *o = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    s, t = 5
except TypeError as err:
    print("TypeError:", err)
