# match: compile-time errors for patterns, and runtime errors from class patterns.
cases = [
    "match x:\n case a:\n  pass\n case 1:\n  pass\n",
    "match x:\n case _:\n  pass\n case 1:\n  pass\n",
    "match x:\n case [a, a]:\n  pass\n",
    "match x:\n case [*a, *b]:\n  pass\n",
    "match x:\n case {'a': 1, 'a': 2}:\n  pass\n",
    "match x:\n case C(a=1, a=2):\n  pass\n",
    "match x:\n case [a] | [b]:\n  pass\n",
    "match x:\n case a | 1:\n  pass\n",
    "match x:\n case f(1):\n  pass\n",
    "match x:\n case -1 + 2j:\n  pass\n",
    "match x:\n case 1 + 2:\n  pass\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)

class P:
    __match_args__ = ("a",)
    a = 1
for subj in [P(), 3, [1, 2]]:
    match subj:
        case P(1, 2):
            print("two")
        case P(a=1):
            print("kw")
        case _:
            print("no")
try:
    match P():
        case P(1, 2):
            pass
except TypeError as e:
    print(e)
class Q: pass
try:
    match Q():
        case Q(1):
            pass
except TypeError as e:
    print(e)
try:
    match 1:
        case int(1, 2): pass
except TypeError as e:
    print(e)
match 5:
    case int(v): print("int", v)
match {"a": 1}:
    case {}: print("empty map matches")
match []:
    case []: print("empty list")
match "abc":
    case [*_]: print("str is not a seq")
    case _: print("str not seq")
match dict(a=1, b=2):
    case {"a": 1, **rest}: print(rest)
