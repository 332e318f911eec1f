# _random: the Mersenne Twister core must match CPython bit for bit
import _random
r = _random.Random(1)
print(r.random(), r.random(), r.getrandbits(8), r.getrandbits(100))
for seed in (0, 1, 42, -42, 2**32, 2**100 + 7, 12345678901234567890):
    r.seed(seed)
    print(seed, [r.random() for _ in range(3)], r.getrandbits(64), r.getrandbits(1))
s = r.getstate(); print(len(s), s[-1])
a = [r.random() for _ in range(700)]
r.setstate(s); b = [r.random() for _ in range(700)]
print(a == b, a[-1])
class R(_random.Random):
    pass
x = R(5); print(x.random(), type(x).__name__)
try: r.getrandbits(-1)
except ValueError as e: print(e)
try: r.setstate((1, 2))
except ValueError as e: print(e)
r.seed(None); print(0 <= r.random() < 1)
