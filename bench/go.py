# go: Monte-Carlo playouts of 9x9 Go (after pyperformance's bm_go): board with groups
# tracked by flood fill, captures, suicide and simple-ko rules, deterministic LCG moves.
SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class LCG:
    def __init__(self, seed):
        self.s = seed

    def below(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 8) % n


NEIGHBOURS = []
for _p in range(SIZE * SIZE):
    _r, _c = divmod(_p, SIZE)
    NEIGHBOURS.append([(_r + dr) * SIZE + _c + dc for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                       if 0 <= _r + dr < SIZE and 0 <= _c + dc < SIZE])


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.captured = {BLACK: 0, WHITE: 0}

    def group(self, p):
        colour = self.cells[p]
        stones, liberties, todo = {p}, set(), [p]
        while todo:
            q = todo.pop()
            for n in NEIGHBOURS[q]:
                v = self.cells[n]
                if v == EMPTY:
                    liberties.add(n)
                elif v == colour and n not in stones:
                    stones.add(n)
                    todo.append(n)
        return stones, liberties

    def legal(self, p, colour):
        if self.cells[p] != EMPTY or p == self.ko:
            return False
        if any(self.cells[n] == EMPTY for n in NEIGHBOURS[p]):
            return True
        self.cells[p] = colour
        try:
            if self.group(p)[1]:
                return True
            other = 3 - colour
            return any(self.cells[n] == other and not self.group(n)[1] for n in NEIGHBOURS[p])
        finally:
            self.cells[p] = EMPTY

    def play(self, p, colour):
        self.cells[p] = colour
        other, taken = 3 - colour, []
        for n in NEIGHBOURS[p]:
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    taken.extend(stones)
                    for s in stones:
                        self.cells[s] = EMPTY
        self.captured[colour] += len(taken)
        self.ko = taken[0] if len(taken) == 1 else -1

    def is_eye(self, p, colour):
        return all(self.cells[n] == colour for n in NEIGHBOURS[p])

    def score(self):
        black = sum(1 for v in self.cells if v == BLACK)
        white = sum(1 for v in self.cells if v == WHITE)
        for p, v in enumerate(self.cells):
            if v == EMPTY:
                owners = {self.cells[n] for n in NEIGHBOURS[p]} - {EMPTY}
                if owners == {BLACK}:
                    black += 1
                elif owners == {WHITE}:
                    white += 1
        return black - white


def playout(rng):
    board, colour, passes, moves = Board(), BLACK, 0, 0
    while passes < 2 and moves < 300:
        candidates = [p for p in range(SIZE * SIZE)
                      if board.cells[p] == EMPTY and not board.is_eye(p, colour)]
        played = False
        while candidates:
            p = candidates.pop(rng.below(len(candidates)))
            if board.legal(p, colour):
                board.play(p, colour)
                played = True
                break
        passes = 0 if played else passes + 1
        colour = 3 - colour
        moves += 1
    return board.score(), moves, board.captured[BLACK] + board.captured[WHITE]


rng = LCG(2024)
results = [playout(rng) for _ in range(120)]
print(sum(r[0] for r in results), sum(r[1] for r in results), sum(r[2] for r in results))
