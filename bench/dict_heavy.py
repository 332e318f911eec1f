# dict_heavy: building, probing, updating, iterating and deleting from dicts.
def work(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
        d["k" + str(i % 5000)] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += d[i]
        hits += d.get("k" + str(i % 7000), -1)
    for k in list(d):
        if type(k) is int and k % 4 == 0:
            del d[k]
    counts = {}
    for v in d.values():
        counts[v % 97] = counts.get(v % 97, 0) + 1
    merged = {**counts, **{k: v for k, v in d.items() if type(k) is str}}
    merged.update((i, i) for i in range(1000))
    return hits + len(d) + len(merged) + sum(counts.values()) + sum(sorted(counts)[:10])


print(sum(work(150000) for _ in range(12)))
