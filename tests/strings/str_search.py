# find/index/count/startswith/endswith/in with ranges
s = "hello world, hello"
print(s.find("l"), s.rfind("l"), s.find("l", 5), s.find("l", 5, 8), s.find("xyz"), s.rfind("hello"), s.find(""), s.rfind(""), s.find("", 100))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 3, 10), "aaaa".count("aa"), "".count(""))
print(s.index("w"), s.rindex("o"), s.startswith("hell"), s.startswith(("x", "he")), s.endswith("lo"), s.endswith("lo", 0, 5), s.startswith("", 50))
print("o w" in s, "xyz" in s, "" in s, "é" in "café", "😀" in "a😀b", "😀b".find("b"), "a😀b😀".rfind("😀"))
print(s.find("l", -5), s.find("h", None, None), s[::-1].find("dlrow"))
for f in [lambda: s.index("xyz"), lambda: s.rindex("q"), lambda: s.find(1), lambda: s.startswith(1), lambda: s.startswith(("a", 1)), lambda: 1 in s]:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
