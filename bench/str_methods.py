# str_methods: str methods on short and medium strings: find/index/count, split/join,
# strip, replace, upper/lower, startswith/endswith, partition, isdigit/isalpha, in, slicing,
# str() of ints and f-strings (a micro-benchmark, issue 5; building is string_building).
def work(n):
    words = ["alpha", "Beta", "  gamma  ", "delta-epsilon", "12345", "zeta_eta", "THETA"]
    total = 0
    for i in range(n):
        w = words[i % 7]
        line = f"{w},{i},{w.upper()};end"
        total += line.find(",") + line.count("a") + len(line.split(","))
        total += len(w.strip()) + len(w.replace("a", "AA")) + len(w.lower())
        if line.startswith("alpha") or line.endswith(";end"):
            total += 1
        head, sep, tail = line.partition(";")
        total += len(head) - len(tail)
        if w.isdigit():
            total += int(w) % 7
        elif w.isalpha():
            total += 2
        if "eta" in line:
            total += 3
        total += len(line[2:-2]) + len(str(i)) + ord(line[0])
    return total


print(work(1000000))
