"""demo.py — a tour of the Python that Krait runs: `make run` (or `krait examples/demo.py`).
Every section prints what it computes; the output is identical under python3.11."""


def section(title):
    print(f"\n== {title} " + "=" * (60 - len(title)))


# ---------------------------------------------------------------- classes
class Shape:
    """Base class with a class attribute, a property and a classmethod constructor."""
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    @property
    def area(self):
        raise NotImplementedError

    @classmethod
    def unit(cls):
        return cls(1)

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area:.2f})"

    def __lt__(self, other):
        return self.area < other.area


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    @property
    def area(self):
        return 3.141592653589793 * self.r ** 2


class Rect(Shape):
    __slots__ = ("w", "h")

    def __init__(self, w, h=None):
        super().__init__("rect")
        self.w, self.h = w, w if h is None else h

    @property
    def area(self):
        return self.w * self.h


section("classes, properties, inheritance")
shapes = [Circle(2), Rect(3, 4), Rect.unit(), Circle.unit()]
for s in sorted(shapes):
    print(" ", s)
print("  shapes made:", Shape.count, "| largest:", max(shapes).name)
print("  MRO of Rect:", [c.__name__ for c in Rect.__mro__])


# ---------------------------------------------------------------- closures
section("closures and decorators")


def counter(start=0):
    n = start

    def step(by=1):
        nonlocal n
        n += by
        return n
    return step


def memoize(fn):
    cache = {}

    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper


tick = counter(10)
print("  counter:", [tick() for _ in range(3)], tick(100))


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("  fib(90) =", fib(90), f"({len(fib.cache)} cached results)")


# ---------------------------------------------------------------- generators
section("generators")


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def take(n, it):
    for _, x in zip(range(n), it):
        yield x


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


print("  first primes:", list(take(15, primes())))
longest = max(range(1, 10000), key=lambda n: sum(1 for _ in collatz(n)))
print(f"  longest Collatz chain below 10000 starts at {longest}"
      f" ({sum(1 for _ in collatz(longest))} steps)")


def delegate():
    got = yield from take(3, primes())
    return got


print("  yield from:", list(delegate()))


# ---------------------------------------------------------------- comprehensions
section("comprehensions")
squares = [x * x for x in range(10)]
evens = {x for x in squares if x % 2 == 0}
by_len = {w: len(w) for w in "the quick brown fox jumps".split()}
print("  squares:", squares)
print("  even squares:", sorted(evens))
print("  word lengths:", by_len)
print("  pythagorean triples:",
      [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
       if a * a + b * b == c * c][:6])


# ---------------------------------------------------------------- big ints
section("big integers")


def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


f100 = factorial(100)
print(f"  100! has {len(str(f100))} digits; digit sum {sum(map(int, str(f100)))}")
print("  2**256 =", 2 ** 256)
print("  Mersenne 2**127-1 mod 10**9:", (2 ** 127 - 1) % 10 ** 9,
      "| pow(3, 10**18, 10**9+7) =", pow(3, 10 ** 18, 10 ** 9 + 7))


# ---------------------------------------------------------------- f-strings
section("f-strings and formatting")
rows = [("Krait", 3.11, 1_234_567), ("Python", 3.1, 89), ("C", 11.0, 42)]
print(f"  {'name':<8}|{'version':>8}|{'count':>12}")
for name, ver, count in rows:
    print(f"  {name:<8}|{ver:>8.2f}|{count:>12,}")
pi = 3.141592653589793
print(f"  {pi=:.5f}  {255:#x} {255:#o} {255:#b}  {0.25:.0%}  {'centred':*^15}")


# ---------------------------------------------------------------- exceptions
section("exceptions")


class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount


for amount in (30, 300):
    try:
        print("  balance left:", withdraw(100, amount))
    except InsufficientFunds as e:
        print(f"  refused: {e} (needed={e.needed})")
    finally:
        print(f"  (tried {amount})")

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("lookup failed") from e
except ValueError as e:
    print(f"  {type(e).__name__}: {e}; caused by {type(e.__cause__).__name__}: {e.__cause__}")


# ---------------------------------------------------------------- dicts and sets
section("dicts and sets")
text = "it was the best of times it was the worst of times"
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
print("  word counts:", freq)
a, b = set("abracadabra"), set("alacazam")
print("  union:", sorted(a | b), "| common:", sorted(a & b), "| only a:", sorted(a - b))
inverted = {}
for word, n in freq.items():
    inverted.setdefault(n, []).append(word)
print("  by count:", dict(sorted(inverted.items(), reverse=True)))


# ---------------------------------------------------------------- sorting
section("sorting with keys")
people = [("ada", 36), ("grace", 85), ("alan", 41), ("edsger", 72), ("barbara", 41)]
print("  by age, then name:", sorted(people, key=lambda p: (p[1], p[0])))
print("  by name length, descending:", [n for n, _ in sorted(people, key=lambda p: -len(p[0]))])
print("  stable sort keeps ties in order:", sorted(people, key=lambda p: p[1] // 10))


# ---------------------------------------------------------------- recursion
section("recursion")


def hanoi(n, src="A", dst="C", via="B"):
    if n == 0:
        return []
    return hanoi(n - 1, src, via, dst) + [(src, dst)] + hanoi(n - 1, via, dst, src)


def permutations(items):
    if len(items) <= 1:
        return [items]
    return [[x] + rest for i, x in enumerate(items)
            for rest in permutations(items[:i] + items[i + 1:])]


def queens(n, row=0, cols=()):
    if row == n:
        return 1
    return sum(queens(n, row + 1, cols + (c,)) for c in range(n)
               if all(c != q and abs(c - q) != row - r for r, q in enumerate(cols)))


moves = hanoi(10)
print(f"  hanoi(10): {len(moves)} moves, first {moves[:3]}")
print("  permutations of abc:", ["".join(p) for p in permutations(list("abc"))])
print("  8 queens has", queens(8), "solutions")
print("\ndone.")
