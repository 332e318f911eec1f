# symbol-table and compiler errors raised by compile()
srcs = [
    "nonlocal x",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f():\n    nonlocal y",
    "def f():\n    from os import *",
    "return 1",
    "yield 1",
    "break",
    "continue",
    "await x",
    "def f(a, a): pass",
    "f(x=1, x=2)",
]
for s in srcs:
    try:
        compile(s, "<test>", "exec")
        print("compiled:", s)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
