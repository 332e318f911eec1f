# generators: generator functions, yield from chains and generator expressions.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chain(depth, n):
    if depth == 0:
        yield from count_up(n)
    else:
        yield from chain(depth - 1, n)


def tree(depth):
    if depth:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)


total = 0
for _ in range(20):
    total += sum(evens(count_up(200000)))
    total += sum(chain(20, 50000))
    total += sum(x * x for x in count_up(100000) if x & 1)
    total += sum(tree(14))
print(total)
