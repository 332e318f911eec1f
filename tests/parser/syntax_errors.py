# SyntaxError messages and locations of 3.11, caught from compile().
CASES = [
    "f() = 1", "1 = x", "x = (1, 2", "x = 1)", "x = [1, 2)", "print 'hi'",
    "if x\n    pass\n", "if x:\npass\n", "try:\n    pass\n", "def f(a=1, b): pass",
    "f(a=1, b)", "f(**k, *a)", "x = 'abc", "x = '''abc\n", "x = 1 2", "[a b]",
    "0777", "1_", "0x", "0b2", "a €= 1", "del f()", "for 1 in x: pass",
    "if x:\n  a\n    b\n", "if x:\n    a\n  b\n", "x += 1 = 2", "(a, b): int",
    "f(x for x in y, 1)", "b'é'", "'a' b'b'", "a := 1", "return from", "x = yield = 1",
]
for src in CASES:
    try:
        compile(src, "<case>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
