# chaos: the chaos game on an iterated function system (after pyperformance's bm_chaos),
# with a linear congruential generator instead of `random`, plotted into a grid.
class LCG:
    def __init__(self, seed):
        self.state = seed

    def random(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 2147483648.0


class Transform:
    def __init__(self, a, b, c, d, e, f, weight):
        self.m = (a, b, c, d, e, f)
        self.weight = weight

    def apply(self, x, y):
        a, b, c, d, e, f = self.m
        return a * x + b * y + e, c * x + d * y + f


FERN = [Transform(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Transform(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Transform(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Transform(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07)]


def choose(rng):
    r = rng.random()
    for t in FERN:
        r -= t.weight
        if r <= 0:
            return t
    return FERN[-1]


def chaos(n, w=100, h=100):
    rng = LCG(1234)
    grid = [[0] * w for _ in range(h)]
    x = y = 0.0
    for _ in range(n):
        x, y = choose(rng).apply(x, y)
        col = int((x + 2.75) / 5.5 * (w - 1))
        row = int(y / 10.0 * (h - 1))
        if 0 <= col < w and 0 <= row < h:
            grid[row][col] += 1
    return grid


g = chaos(1600000)
print(sum(map(sum, g)), sum(1 for row in g for v in row if v), max(map(max, g)))
