# A SyntaxError whose range spans lines quotes its first line without the newline and
# clamps the end offset to that line (pegen reads the text from the source once its
# tokenizer has moved past that line)
code = """
def f():
    pass

a = b = c = 1

foo(a, z
        for z in
            range(10), b, c)
"""
srcs = [code, "f(a,\n  b for b in c)", "x = (1 +\n  yield)", "[x\n for x in y\n if z := 1]",
        "f(**k, *a\n)", "x = {1: 2,\n 3}", "def f(a, b=1,\n c): pass", "(a\n for a in b) = 1",
        "print(f'{x!z}'\n)", "a = 1\nb = [x for x in\n y] = 2"]
for s in srcs:
    try:
        compile(s, "?", "exec")
        print(repr(s), "OK")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
