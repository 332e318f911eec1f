# comprehensions: list, dict, set and generator comprehensions, nested and filtered.
def work(n):
    squares = [i * i for i in range(n)]
    odd = [s for s in squares if s & 1]
    pairs = [(i, j) for i in range(300) for j in range(i % 17)]
    table = {i: str(i) for i in range(n // 4)}
    inverse = {v: k for k, v in table.items() if k % 3}
    mods = {s % 1009 for s in squares}
    matrix = [[i * j for j in range(60)] for i in range(60)]
    transposed = [[row[c] for row in matrix] for c in range(60)]
    gen = sum(x for x in range(n) if x % 7 == 3)
    return (len(odd) + len(pairs) + len(inverse) + len(mods) + gen
            + sum(map(sum, transposed)) + sum(len(v) for v in table.values()))


print(sum(work(200000) for _ in range(20)))
