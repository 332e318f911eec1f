# hexiom: solve Hexiom-style puzzles (after pyperformance's bm_hexiom) — place numbered
# tiles on a hexagonal board so each tile's number equals its count of occupied neighbours —
# by backtracking with constraint propagation over the remaining tile counts.
def hex_cells(radius):
    return [(q, r) for q in range(-radius, radius + 1) for r in range(-radius, radius + 1)
            if -radius <= q + r <= radius]


DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


def make_puzzle(radius, pattern):
    """Derive a solvable puzzle from an occupancy pattern: the tiles are the true counts."""
    cells = hex_cells(radius)
    index = {c: i for i, c in enumerate(cells)}
    neigh = [[index[(q + dq, r + dr)] for dq, dr in DIRS if (q + dq, r + dr) in index]
             for q, r in cells]
    occupied = [pattern[i % len(pattern)] == "x" for i in range(len(cells))]
    tiles = {}
    for i, occ in enumerate(occupied):
        if occ:
            n = sum(occupied[j] for j in neigh[i])
            tiles[n] = tiles.get(n, 0) + 1
    return len(cells), neigh, tiles


def solve(ncells, neigh, tiles):
    board = [None] * ncells            # None = undecided, -1 = empty, k = tile k
    empties = [ncells - sum(tiles.values())]
    solutions = [0]

    def consistent(i):
        for j in [i] + neigh[i]:
            v = board[j]
            if v is None or v < 0:
                continue
            filled = sum(1 for k in neigh[j] if board[k] is not None and board[k] >= 0)
            open_ = sum(1 for k in neigh[j] if board[k] is None)
            if filled > v or filled + open_ < v:
                return False
        return True

    def place(i):
        if i == ncells:
            solutions[0] += 1
            return
        if empties[0]:
            board[i] = -1
            empties[0] -= 1
            if consistent(i):
                place(i + 1)
            empties[0] += 1
        for t in sorted(tiles):
            if tiles[t]:
                board[i] = t
                tiles[t] -= 1
                if consistent(i):
                    place(i + 1)
                tiles[t] += 1
        board[i] = None

    place(0)
    return solutions[0]


total = 0
for pattern in ["xx.x.xxx", "xxx.xx.", "x..xxx.xx"]:
    ncells, neigh, tiles = make_puzzle(2, pattern)
    total += solve(ncells, neigh, tiles) * 1000 + sum(k * v for k, v in tiles.items())
print(total)
