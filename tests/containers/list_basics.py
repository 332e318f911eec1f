# list: methods, slicing, slice assignment, errors
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(l[1]); print(l, l.index(2), l.count(1), l.index(2, 1), l.index(5, -3))
l.reverse(); print(l)
c = l.copy(); c.clear(); print(c, l)
print(l[1:3], l[::-1], l[::2], l[-2:], l[10:], l[:-10])
l[1:3] = ["a", "b", "c"]; print(l)
l[::2] = [0] * len(l[::2]); print(l)
del l[::2]; print(l)
del l[0]; print(l)
l[0:0] = [7, 8]; print(l)
l[len(l):] = range(3); print(l)
l[:] = l; print(l)
l[1:4] = []; print(l)
x = [1, 2, 3, 4, 5, 6]; del x[4:1:-2]; print(x)
x = [1, 2, 3, 4, 5, 6]; x[5:1:-2] = "ab"; print(x)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [1] * -1)
y = [1]; y += (2, 3); y *= 2; print(y)
print([1, 2] < [1, 3], [1, 2] == [1, 2], [1] != [1, 0], [2] > [1, 5], [] <= [])
r = [1]; r.append(r); print(r, [[...]] == 0)
print(list(reversed([1, 2, 3])), list("abc"), list(), list((1, 2)))
e = []
for src in ["e.pop()", "[1].pop(5)", "[1].remove(2)", "[1].index(2)", "e[0]", "e['a']",
            "[1] + (1,)", "e.insert(1)", "e.insert('a', 1)", "list(1, 2)", "list(x=1)",
            "e.extend(1)", "hash([])", "[1, 2, 3].index('x', 0, 2)"]:
    try:
        print(eval(src))
    except Exception as ex:
        print(type(ex).__name__, ex)
for stmt in ["e[0] = 1", "x = [1, 2, 3]; x[::2] = [1]", "a = [1, 2]; a[0:1] = 1",
             "a = [1]; a[::0] = []", "del e[0]"]:
    try:
        exec(stmt)
    except Exception as ex:
        print(type(ex).__name__, ex)
