# A backslash not followed by a newline: "unexpected character after line continuation
# character" just past the next character; at the very end of the source it is
# "unexpected EOF while parsing" for exec/eval input (a newline is added) but not for
# single input.  A parser error earlier on the line wins over these tokenizer errors.
for src in ["x = \\", "if x:\\", "x = 1 \\ + 2\n", "\\\"\n", "a = (1,\n  2 \\ 3)\n",
            "= \\x\n", "x = 1\ny = 2 + \\ 3\n"]:
    for mode in ("exec", "eval", "single"):
        try:
            compile(src, "<s>", mode)
            print("ok")
        except SyntaxError as e:
            print(repr(src), mode, e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
