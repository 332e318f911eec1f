# indexing, slicing, concatenation, repetition, comparison, iteration
s = "é😀xyz"
print(s[1], s[-1], s[1:3], s[::2], s[::-1], s[10:], len(s), s[:0] == "", type(iter("abc")).__name__, type(iter(s)).__name__)
print("a" + "b", "ab" * 3, 3 * "x", "ab" * 0, "" * 5, "abc" < "abd", "é" > "e", "a" < "ab", "Z" < "a", sorted(["b", "a", "C", "é", "😀"]))
print(list("ab😀"), [c for c in "héllo" if c != "l"], "abc" == "abc", "abc" != "ABC", "abc".__len__(), "x".__contains__("x"))
print(chr(65), chr(0x1F600), ord("é"), ord("😀"), str(123), "Ab".__sizeof__(), "é".__sizeof__(), "😀".__sizeof__())
for f in [lambda: "abc"[5], lambda: "abc"["x"], lambda: "a" + 1, lambda: chr(0x110000), lambda: ord("ab"), lambda: "a" < 1]:
    try:
        print(f())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
