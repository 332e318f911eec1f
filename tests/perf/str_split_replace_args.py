# str.split / rsplit / replace are METH_FASTCALL|METH_KEYWORDS with a positional fast path
# (unicodeobject.c); every other argument form must behave exactly as getargs' parser:
# keywords, bools and int subclasses as counts, huge counts, wrong types and counts.
class MyInt(int):
    pass


class Idx:
    def __index__(self):
        return 1


s = "a,b,,c d  e"
calls = [
    lambda: s.split(), lambda: s.split(","), lambda: s.split(",", 1), lambda: s.split(None, 1),
    lambda: s.split(sep=","), lambda: s.split(maxsplit=1), lambda: s.split(",", maxsplit=-1),
    lambda: s.rsplit(",", 1), lambda: s.rsplit(maxsplit=2), lambda: s.split(",", True),
    lambda: s.split(",", MyInt(2)), lambda: s.split(",", Idx()), lambda: s.split(",", 2 ** 70),
    lambda: s.split(",", 1.0), lambda: s.split(1), lambda: s.split(",", 1, 2), lambda: s.split(""),
    lambda: s.split(x=1), lambda: s.split(",", sep=","), lambda: s.rsplit(b","),
    lambda: s.replace(",", ";"), lambda: s.replace(",", ";", 2), lambda: s.replace(",", ";", -1),
    lambda: s.replace(",", ";", count=1), lambda: s.replace(",", ";", True),
    lambda: s.replace(",", ";", 2 ** 80), lambda: s.replace(",", ";", "1"),
    lambda: s.replace(","), lambda: s.replace(1, ";"), lambda: s.replace(",", 2),
    lambda: s.replace(old=",", new=";"), lambda: s.replace(",", ";", 1, 2),
    lambda: "x".replace("", "-"), lambda: str.split("a b"), lambda: str.replace("aa", "a", "b", 1),
]
for i, f in enumerate(calls):
    try:
        print(i, repr(f()))
    except Exception as e:
        print(i, type(e).__name__, e)
