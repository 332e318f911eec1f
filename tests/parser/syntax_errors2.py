# More SyntaxError locations of 3.11 (numbers, indentation, calls, patterns), via compile().
CASES = [
    "x = 1abc", "x = 5e", "x = 1.5e", "x = 0x1g", "x = 1jx", "x = 1é", "x = 0o8", "x = 0x",
    "if x:\n        a\n    b\n", "if x:\n\ta\n        b\n", "f(a=1, b, c)", "f(**k, b)",
    "f(x, **k, *a)", "try:\n    pass\n", "x =\n", "if x\n", "print(x\ny = 2\n",
    "match x:\n case {**r, 'a': 1}:\n  pass\n", "for f() in y: pass", "with a as f(): pass",
    "with a as (b, c): pass\nwith a as b, c as d: pass\n", "x = 'a' b'b'",
]
for src in CASES:
    try:
        compile(src, "<case>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
