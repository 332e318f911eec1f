# io_lines: write a large text file line by line, read it back by iteration, readline(),
# readlines() and read(); sum line lengths. Exercises TextIOWrapper encode/decode,
# universal-newline translation, BufferedReader/Writer and FileIO.
import os

LINES = 400_000
path = "/tmp/krait_bench_io_lines_%d.txt" % os.getpid()


def line(i):
    return "line %d: %s\n" % (i, "abcdefghij" * (i % 7) + "é" * (i % 3))


try:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(LINES):
            f.write(line(i))
    total = 0
    with open(path, encoding="utf-8") as f:
        for s in f:
            total += len(s)
    with open(path, encoding="utf-8") as f:
        n = 0
        while True:
            s = f.readline()
            if not s:
                break
            n += len(s)
    total += n
    with open(path, encoding="utf-8") as f:
        total += sum(map(len, f.readlines()))
    with open(path, "rb") as f:
        count = 0
        for b in f:
            count += len(b)
    total += count
    with open(path, encoding="utf-8", newline="") as f:
        total += len(f.read())
    print(total)
finally:
    os.remove(path)
