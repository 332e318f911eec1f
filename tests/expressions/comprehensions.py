# Comprehensions: list, set, dict, generator; nested loops, conditions, own scope.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print(sorted({x % 4 for x in range(10)}), {x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
g = (x * 2 for x in range(4))
print(type(g).__name__, list(g), list(g), sum(x for x in range(101)))
print([[i * j for j in range(4)] for i in range(3)])
x = "outer"
print([x for x in "ab"], x)
print([row for row in [[1, 2], [3, 4]] for row in row])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print(max(len(w) for w in ["a", "abc", "ab"]), any(c.isdigit() for c in "ab3"))
