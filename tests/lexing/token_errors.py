# Tokenizer and parser errors reported through compile(): message, line, offset.
sources = [
    "x = 0777",
    "x = 1__0",
    "x = 0x",
    "x = 1_",
    "x = 0b102",
    "s = 'unterminated",
    's = """never closed',
    "x = $",
    "if True:\n  x = 1\n    y = 2",
    "if True:\nx = 1",
    "x = (1,",
    "x = 1)",
    "print 'hi'",
    "x = 1 +",
    "def f(:\n  pass",
    "a = 5e",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset)
