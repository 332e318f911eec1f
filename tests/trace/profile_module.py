# the pure-Python profile module (built on sys.setprofile): call counts per function,
# including builtins reported through c_call events (times are not compared)
import profile
import re


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for i in range(6):
        total += fib(i)
    words = sorted(['b', 'a'])
    return total, len(words), max(3, 4)


p = profile.Profile()
print(p.runcall(main))
p.create_stats()
rows = []
for (filename, line, name), (cc, nc, tt, ct, callers) in p.stats.items():
    where = 'here' if filename == __file__ else filename
    rows.append((name, where, nc, cc, sorted(c[2] for c in callers)))
for row in sorted(rows):
    print(re.sub(' at 0x[0-9a-f]+', '', str(row)))
