# split, rsplit, splitlines, partition, join
print("a,b,,c".split(","), " a b  c ".split(), "a b c".split(None, 1), "a,b,c".rsplit(",", 1), "  a  b  ".rsplit(None, 1))
print("a b c".split(" ", 0), "".split(), "".split(","), "abc".split("abc"), "a\u2003b\x1cc".split())
print("l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1c\x1d\x1e\x85\u2028\u2029".splitlines(), "l1\nl2\n".splitlines(True), "".splitlines(), "x\n".splitlines())
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("x"), "abc".rpartition("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "é".join(["a", "😀"]), "-".join(x for x in "ab"))
for f in [lambda: "a".split(""), lambda: "a".partition(""), lambda: "-".join(["a", 1]), lambda: "-".join(5)]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
