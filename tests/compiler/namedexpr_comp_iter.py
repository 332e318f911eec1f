# An assignment expression anywhere in a comprehension's outermost iterable is an error,
# also inside a lambda or a nested comprehension there (3.11, bpo-37757)
cases = [
    "[i for i in (i := range(5))]",
    "[i for i in (lambda:(j := range(5)))()]",
    "[i for i in [j for j in range(5) if (j := True)]]",
    "[i for i in [(j := True) for j in range(5)]]",
    "{i for i in (lambda:(j := range(5)))()}",
    "{i: 1 for i in [(j := 1) for k in range(2)]}",
    "(i for i in (lambda: (k := 1))())",
    "[i for i in range(3) if (k := i)]",
    "[(lambda: (k := 1))() for i in range(3)]",
    "[i for i in (lambda: [y for y in (z := [1])])()]",
]
for code in cases:
    for wrap in ("{}", "lambda: {}"):
        try:
            compile(wrap.format(code), "<s>", "exec")
            print("ok   ", wrap.format(code))
        except SyntaxError as e:
            print("error", wrap.format(code), "->", e.msg)
