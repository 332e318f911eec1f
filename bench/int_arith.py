# int_arith: machine-word int arithmetic in loops: + - * // % ** << >> & | ^, comparisons,
# abs/divmod/pow(a, b, m), and a few values past 64 bits (a micro-benchmark, issue 5).
def work(n):
    acc = 0
    x = 12345
    for i in range(1, n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        a = x % 1000 - 500
        b = i % 97 + 1
        acc += a * b - (a // b) + (a % b)
        acc ^= (x >> 3) & 0xFFFF
        acc |= (i << 2) & 0xFF
        if a < 0 and -a > b:
            acc -= abs(a)
        q, r = divmod(x, b)
        acc += q - r
        acc = acc % 1000000007
    big = 1
    for i in range(1, 400):
        big = big * (i + 0x7FFFFFFFFFFF) % (2 ** 127 - 1)
    return acc, pow(x, 65537, 2 ** 61 - 1), big % 1000003


print(work(2500000))
