# Conditional expressions: laziness, nesting, use inside other expressions.
def side(x):
    print("computed", x)
    return x
for n in [-5, 0, 5]:
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
print(side("yes") if True else side("no"))
print(side("yes") if False else side("no"))
print([x if x % 2 else -x for x in range(6)])
print((1 if True else 2) + 10, 1 if True else 2 + 10, 0 if 0 else 0 or "x")
f = (lambda x: "big" if x > 100 else "small")
print(f(1000), f(1))
