# nqueens: all solutions of N queens by permutations filtered with set/generator expressions
# (as in pyperformance's bm_nqueens, with a hand-written permutations generator).
def permutations(pool):
    n = len(pool)
    indices = list(range(n))
    cycles = list(range(n, 0, -1))
    yield tuple(pool)
    while n:
        for i in reversed(range(n)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[k] for k in indices)
                break
        else:
            return


def n_queens(n):
    cols = range(n)
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


for _ in range(10):
    solutions = list(n_queens(8))
print(len(solutions), sum(sum(i * v for i, v in enumerate(s)) for s in solutions))
