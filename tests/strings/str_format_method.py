# str.format and format_map
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}".format(x=5), "{0[1]}".format([7, 8]), "{0[k]}".format({"k": 9}))
print("{:>5}|{:<5}|{:^5}|{:*^7}".format("a", "b", "c", "d"), "{:08.3f}".format(3.14159), "{!r} {!s} {!a}".format("s", 1, "é"), "{{}}".format())
print("{:,}".format(10 ** 9), "{0.real}".format(3 + 4j), "{:{w}.{p}f}".format(3.14159, w=10, p=2), "{:{}}".format("x", 4) + "|")
print("{0}{0}".format("ab"), "{.__class__.__name__}".format(1), "{:%}".format(0.25), "{:>{width}}".format("r", width=4))
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
print("{:abc}".format(P()), format(P(), "x"), f"{P():zz}")
print("{a}-{b}".format_map({"a": 1, "b": 2}))
for f in [lambda: "{".format(), lambda: "}".format(), lambda: "{0}".format(), lambda: "{x}".format(), lambda: "{} {0}".format(1),
          lambda: "{0} {}".format(1, 2), lambda: "{!x}".format(1), lambda: "{0[}".format(1), lambda: "{:d}".format("a"), lambda: "{0.}".format(1)]:
    try:
        print(f())
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
