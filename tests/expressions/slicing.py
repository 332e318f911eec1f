# Slicing lists, strings, tuples and ranges; slice assignment and deletion.
s = "abcdefghij"
l = list(range(10))
t = tuple(l)
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, -3), slice(None, None, 2),
           slice(None, None, -1), slice(8, 2, -2), slice(-100, 100), slice(5, 2), slice(1, None, 3)]:
    print(sl, s[sl], l[sl], t[sl])
print(s[::-1], s[-1], s[0], l[-2:], range(10)[2:8:3], "hello"[1:-1])
print(s[3:3], l[100:], s[:100], s[::3], t[::-3])
l[2:5] = ["x", "y"]
print(l)
l[:0] = [-1]
print(l)
l[::2] = "ABCDE"
print(l)
del l[1::3]
print(l)
del l[:2]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    s[1] = "z"
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 2, 3).indices(10), slice(None, None, -1).indices(5))
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][::-1], [row[1:] for row in m])
