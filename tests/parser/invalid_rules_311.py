# SyntaxErrors of 3.11's invalid_* grammar rules (test_syntax's doctests): parameters
# ('/' twice, '/' then '*', missing default, parenthesized parameters), missing ':' of
# with/except/match, missing '(' of def, starred dict values, trailing comma of a bare
# from-import, `class C(x for x in y)`, `**_` in mapping patterns, match statements
# that are really simple statements
import ast

srcs = [
"match x:\n    y = 3\n",
"match ...:\n    case {**_}:\n       ...\n",
"def foo(a,/,/,b,c):\n   pass\n",
"def foo(a=1,/,/,*b,/,c):\n   pass\n",
"def foo(a=1,/*,b,c):\n   pass\n",
"def foo(a=1,d=,c):\n   pass\n",
"def foo(a,d=,c):\n   pass\n",
"def foo(a,d: int=,c):\n   pass\n",
"lambda a,/,/,b,c: None\n",
"lambda a=1,/,/,*b,/,c: None\n",
"lambda a=1,/*,b,c: None\n",
"lambda a=1,d=,c: None\n",
"lambda a,d=,c: None\n",
"class C(x for x in L):\n    pass\n",
"with (blech as something)\n  pass\n",
"with (blech, block as something)\n  pass\n",
"with (blech, block as something, bluch)\n  pass\n",
"try:\n  pass\nexcept\n  pass\n",
"match x\n  case list():\n      pass\n",
"def f:\n",
"async def f:\n",
"def f(x, (y, z), w):\n   pass\n",
"def f((x, y, z, w)):\n   pass\n",
"def f(x, (y, z, w)):\n   pass\n",
"def f((x, y, z), w):\n   pass\n",
"lambda x, (y, z), w: None\n",
"lambda (x, y, z, w): None\n",
"lambda x, (y, z, w): None\n",
"lambda (x, y, z), w: None\n",
"{1: *12+1, 23: 1}\n",
"{1: *12+1}\n",
"{1: 23, 1: *12+1}\n",
"from t import x,\n",
"from t import x,y,\n",
"def f(*, # type: int\n  a, # type: int\n):\n    pass\n",
]
srcs += ["match(x)\n", "match = 1\n", "match x\n", "match x, y\n", "match(x).y = 2\n", "match x:\n    y = 3\n", "match *a\n", "match -x\n",
"match [a]\n", "print(match)\n", "match x:\n  case 1: pass\n", "match x:\n  case 1 pass\n", "def f(a, (b)): pass\n", "def f(a=1, (b, c)): pass\n", "def f((a)=1): pass\n",
"def f(a, *, b=): pass\n", "def f(a=, b): pass\n", "def f(*b=): pass\n", "def f(a, /*, b): pass\n", "def f(a, /, *, b, /): pass\n", "def f(/, a): pass\n",
"{1: *a, **b}\n", "{**a, 1: *b}\n", "from a import (b,)\n", "from a import b, c\n", "from a import b,;x=1\n", "class C(x for x in y, z): pass\n", "class C(a, x for x in y): pass\n",
"class C(k=1, x for x in y): pass\n", "class C(*a, x for x in y): pass\n", "with (a, b):\n pass\n", "with (a as b)\n", "with (a, b) as c\n", "with a as b\n", "def f\n", "def f[x](): pass\n",
"except\n", "try:\n pass\nexcept X\n pass\n", "try:\n pass\nexcept X as y\n pass\n", "lambda (a): 1\n", "lambda a, (b): 1\n", "lambda a=, b: 1\n"]
for s in srcs:
    for mode in ("exec", "single"):
        try:
            if "type:" in s:
                ast.parse(s, type_comments=True)
            else:
                compile(s, "<s>", mode)
            print(mode, repr(s), "OK")
        except SyntaxError as e:
            print(mode, repr(s), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
