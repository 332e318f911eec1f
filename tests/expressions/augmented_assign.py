# Augmented assignment: in place for mutable objects, rebinding for immutable ones.
x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
n = 7
n %= 4; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 6
print(n)
l = [1]
alias = l
l += [2, 3]
print(l, alias, l is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
s = "ab"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 10
print(d)
class C: attr = 1
C.attr += 41
print(C.attr)
m = [[0, 0], [0, 0]]
m[1][0] -= 5
print(m)
