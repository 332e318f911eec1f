# ASCII control characters outside strings and comments: "invalid non-printable character".
for src in ["x = 1\x03\n", "\x01x = 1\n", "x = (1,\x7f 2)\n", "x = 1 # \x03 comment\n",
            "s = '\x03'\n", "x = 1\x0c\n", "if 1:\n  x = 1\x1b\n", "x = $\n", "x = 1\x00\n"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, repr(e.msg if isinstance(e, SyntaxError) else str(e)),
              getattr(e, "lineno", None), getattr(e, "offset", None),
              getattr(e, "end_lineno", None), getattr(e, "end_offset", None))
