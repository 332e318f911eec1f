# Constant list/set displays are built from one constant (frozenset for sets), as 3.11 does:
# a set's iteration order depends on it.  Also big displays and weakrefs to functions.
print({5, 3, 1, 9, 17, 33})
print([1, 2, 3], (1, 2, 3), {1, 2}, [*"ab", 1, 2, 3])
x = 7
print({x, 3, 1, 9, 17, 33})
print([i for i in range(3)] + [1, 2, 3, 4])
big = [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
print(len(big), {x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 100, 200})
print(frozenset({3, 2, 1}), {"banana", "fig", "cherry", "apple", "grape", "date", "elderberry"})
import _weakref as weakref
def f(): pass
r = weakref.ref(f)
del f
print(r())
