# string_building: concatenation, join, slicing, methods and str conversions in loops.
def build(n):
    parts = []
    s = ""
    for i in range(n):
        word = "item" + str(i)
        parts.append(word.upper() if i % 3 == 0 else word[::-1])
        if i % 100 == 0:
            s += word + ","
    text = " ".join(parts)
    words = text.split(" ")
    total = len(text) + len(s) + len(words)
    total += sum(w.count("1") for w in words)
    total += len(text.replace("ITEM", "x").lower())
    total += sum(1 for w in words if w.startswith("ITEM") and w.endswith("7"))
    total += len("".join(reversed(text[:5000])))
    return total


print(sum(build(60000) for _ in range(40)))
