print(2**100, 7//2, -7%3, 1/3, "a"+"b")
print("x", "y", sep="-", end="!\n")
print()
print(1, 2, 3, sep=None, end=None)
import sys
print("to stderr", file=sys.stderr)
try:
    print("a", sep=3)
except TypeError as e:
    print(e)
try:
    print("a", end=[])
except TypeError as e:
    print(e)
try:
    print("a", foo=1)
except TypeError as e:
    print(e)
