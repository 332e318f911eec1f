# list_ops: list and tuple operations: append/pop/insert, indexing and slicing, extend,
# `in`, index/count, sort of small lists, reversed, list() / tuple(), concatenation,
# len, min/max/sum (a micro-benchmark, issue 5; dicts and sets are dict_heavy/set_heavy).
def work(n):
    total = 0
    stack = []
    for i in range(n):
        stack.append(i)
        if len(stack) > 50:
            total += stack.pop() + stack.pop(0)
        small = [i % 7, i % 5, i % 3, 9, 1]
        small.sort()
        total += small[0] + small[-1] + small[2]
        t = tuple(small)
        total += t[1] + len(t + (1, 2))
        s = stack[-10:]
        total += sum(s) - min(s) + max(s)
        if (i % 13) in small:
            total += small.index(i % 13)
        total += small.count(1)
        small.insert(2, i)
        small.extend(t)
        total += len(small) + list(reversed(small))[0]
        small[1:3] = [0]
        total += small[1]
    return total


print(work(750000))
