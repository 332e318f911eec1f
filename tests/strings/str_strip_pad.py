# strip, padding, replace, expandtabs, translate
print(repr("  x  ".strip()), "xxhixx".strip("x"), repr("  x".lstrip()), repr("x  ".rstrip()), "\u2003x\u3000".strip(), "abcba".strip("ab"))
print("abc".center(9, "*"), "abc".center(8, "*"), "abc".ljust(6) + "|", "abc".rjust(6, "é"), "42".zfill(5), "-42".zfill(5), "+4".zfill(1), "abc".center(2))
print("a\tb\tc".expandtabs(4), "ab\n\tc".expandtabs(), "\t".expandtabs(0) + "|")
print("aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "hello".replace("l", ""), "é".replace("é", "😀"), "aaa".replace("a", "a"))
print("hello".translate(str.maketrans("el", "ip")), "hello".translate({ord("l"): None, ord("h"): "J"}), "abc".translate(str.maketrans({"a": "1"})), str.maketrans("ab", "xy", "c"))
print("abc".removeprefix("a"), "abc".removesuffix("c"), "abc".removeprefix("x"), "abc".removesuffix(""))
for f in [lambda: "a".center(5, "ab"), lambda: "a".ljust("5"), lambda: "x".translate({120: 2 ** 40}), lambda: str.maketrans("ab", "c"), lambda: "a".strip(1)]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
