# unpack_sequence: tuple and list unpacking in tight loops (pyperformance style).
def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += a + j
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += b + i
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += c + h
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += d + g
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += e + f
        first, *rest = to_unpack
        s += first + len(rest)
        x, y = y, x = 1, 2
        s += x - y
    return s


print(do_unpacking(1200000, tuple(range(10))), do_unpacking(1200000, list(range(10))))
