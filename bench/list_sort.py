# list_sort: sorting ints, floats, strings, tuples, with key= and reverse=, and stability.
def lcg_list(n, seed):
    out, s = [], seed
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(s)
    return out


def work(n):
    ints = lcg_list(n, 42)
    total = sum(sorted(ints)[: n // 100])
    floats = [x / 3.0 for x in ints]
    floats.sort(reverse=True)
    total += int(floats[0] - floats[-1])
    strs = [str(x) for x in ints]
    strs.sort()
    total += len(strs[0]) + len(strs[-1])
    tuples = [(x % 100, x % 7, x) for x in ints]
    total += sorted(tuples)[n // 2][2]
    keyed = sorted(ints, key=lambda x: (x % 1000, -x))
    total += keyed[0] % 100000
    total += sorted(range(n), key=lambda i: ints[i] % 10)[-1]
    total += sum(sorted(sorted(ints), reverse=True)[:3])
    return total


print(work(300000))
