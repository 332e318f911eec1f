# range indexing: machine-size fast path and the general (big int) path agree with 3.11.
import sys

r = range(3, 30, 4)
print([r[i] for i in range(-len(r), len(r))])
for bad in (len(r), -len(r) - 1, 10**30, -10**30):
    try:
        r[bad]
    except IndexError as e:
        print("IndexError", e)
print(r[True], r[False])


class I:
    def __index__(self):
        return 2


print(r[I()])
print(range(10, 0, -3)[1], range(10, 0, -3)[-1], range(0)[0:0], range(5)[1:4])
big = range(-sys.maxsize, sys.maxsize, sys.maxsize // 3)
print([big[i] for i in range(len(big))], big[-1])
huge = range(0, 10**20, 10**18)
print(huge[5], huge[-1], huge[99])
over = range(sys.maxsize - 10, sys.maxsize * 4, sys.maxsize)
print([over[i] for i in range(len(over))])
neg = range(-5, -50, -7)
print([neg[i] for i in range(len(neg))], neg[-2])
try:
    range(5)["a"]
except TypeError as e:
    print("TypeError", e)
try:
    range(5)[1.0]
except TypeError as e:
    print("TypeError", e)
print(range(5)[-5], range(1, 2)[0])
