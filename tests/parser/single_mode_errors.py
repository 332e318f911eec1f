# compile(..., "single"): a compound statement followed by another statement is "invalid
# syntax" at that statement; two simple statements are "multiple statements" at the first
# line's NEWLINE; blank lines and comments after one statement are fine.
for s in ["if x:\n  print(x)\nprint(2)\n", "x = 1\ny = 2\n", "x = 1\n\n# c\n", "for i in a:\n  pass\n",
          "x = 1; y = 2\nz = 3\n", "def f():\n  pass\nclass C: pass\n", "if x:\n  pass\n\n\nz\n"]:
    try:
        compile(s, "<s>", "single")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
