# match: every pattern form (value, singleton, sequence with/without star, mapping
# with **rest, class positional/keyword, as, or, guards, wildcard/capture).
def f(x):
    match x:
        case 0 | 1:
            return "small"
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest, z]:
            return f"seq {a} {rest} {z}"
        case [a, *_, z]:
            return "never"
        case {"k": v, **kw}:
            return f"map {v} {kw}"
        case {"k2": v2}:
            return f"map2 {v2}"
        case str() as s if len(s) > 3:
            return "longstr " + s
        case str(s):
            return "str " + s
        case Point(x=0, y=yy):
            return f"point on y {yy}"
        case Point(xx, yy):
            return f"point {xx} {yy}"
        case (1 | 2 | 3) as n:
            return n
        case None:
            return "none"
        case True:
            return "true"
        case {"a": [1, {"b": bb}]} | {"c": bb}:
            return f"nested {bb}"
        case _:
            return "other"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
for v in [0, 1, [1, 2], [1, 2, 3, 4], (5, 6, 7), {"k": 1, "z": 2}, {"k2": 3}, "hello", "hi",
          Point(0, 5), Point(1, 2), None, True, 2.5, {"a": [1, {"b": 9}]}, {"c": 8}, "", b"ab", [1]]:
    print(repr(v) if not isinstance(v, Point) else "P", "->", f(v))
def g(cmd):
    match cmd.split():
        case [("go" | "move") as verb, ("north" | "south") as d]:
            print(verb, d)
        case ["drop", *objs]:
            print("drop", objs)
        case [x, y] | [x, y, _]:
            print("xy", x, y)
        case _:
            print("?")
g("go north"); g("move south"); g("drop a b c"); g("a b"); g("a b c"); g("a")
match 5:
    case x:
        print("bound", x)
print(x)
