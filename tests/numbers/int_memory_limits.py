# Huge int results must raise MemoryError/OverflowError (never abort), here under a
# 2 GB address-space limit set by a shell around a child interpreter.
import subprocess, sys

CHILD = r'''
cases = ["1 << (2**36)", "1 << 2**63", "1 << 2**64", "1 << 2**100", "-7 << 2**70",
         "0 << 2**100", "-1 >> 2**100", "0 ** 2**100", "(-1) ** (2**100 + 1)",
         "(1 << 2**33) * (1 << 2**33)", "pow(2, 2**100, 10**9 + 7)"]
for src in cases:
    try:
        x = eval(src)
        print(src, "->", x.bit_length())
    except (MemoryError, OverflowError) as e:
        print(src, "->", type(e).__name__, e)
x = 12345 ** 678
print("still works:", x % 1000003, len(str(x)))
'''

r = subprocess.run(["sh", "-c", 'ulimit -v 2000000; exec "$0" -c "$1"', sys.executable, CHILD],
                   capture_output=True, text=True)
print(r.stdout, end="")
print("stderr:", r.stderr)
print("rc:", r.returncode)
