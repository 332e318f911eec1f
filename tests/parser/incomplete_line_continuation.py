# A backslash continuing into the end of the source is pegen's E_EOF: "incomplete input"
# under PyCF_ALLOW_INCOMPLETE_INPUT (so codeop waits for more), "unexpected EOF" otherwise;
# in eval mode a parser error before the end still wins.
import codeop
for s in ["a = 9+ \\", "a = 9+ \\\n", "x = \\", "if 1:\n x = \\", "(1 + \\", "\\",
          "a = '''x\\", "a = '''x\\\ny", "a = 1 +\\\n 2", "f(\"\"\"\\\n"]:
    for sym in ("single", "exec", "eval"):
        try:
            r = codeop.compile_command(s, symbol=sym)
            print(repr(s), sym, "incomplete" if r is None else "code")
        except SyntaxError as e:
            print(repr(s), sym, "SyntaxError", e.msg, e.lineno, e.offset)
        for fl in (0, 0x4000, 0x4200):
            try:
                compile(s, "<s>", sym, fl)
                print("  ", fl, "ok")
            except SyntaxError as e:
                print("  ", fl, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
