# Lambda expressions: defaults, closures, immediately invoked, as sort keys.
sq = lambda x: x * x
add = lambda a, b=10, *rest, k=1, **kw: a + b + sum(rest) + k + len(kw)
print(sq(7), add(1), add(1, 2), add(1, 2, 3, 4, k=0, z=1), (lambda: "iife")())
def make_adder(n):
    return lambda x: x + n
add5 = make_adder(5)
print(add5(1), make_adder(-1)(1), sq.__name__, (lambda: 0).__name__)
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words, key=lambda w: w.lower()), sorted(words, key=lambda w: (-len(w), w)))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(8))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add5)(2), (lambda *a: a)(1, 2), (lambda **k: k)(a=1))
