# SyntaxError positions and text for errors on the last line: exec input always ends
# with a newline (so .text keeps it), single/eval input does not; a one-line compound
# statement needs a final newline in 'single' mode; a str source starting with U+FEFF
# is an error (a BOM only counts in bytes).
import ast

cases = ["x = 1\nprint(1 <> 2)", "(1,", "def f(:", "x = $", "x = 1\n  y = 2", "f(**)", "a b",
         "if 1:\n  pass\n else", "if 1:\n  pass\n else\n", "1 +\\", "1 +\\\n",
         "for x in y:", "for x in y:\n", "def f():\n  for x in y:\n", "x = 1 + 'abc",
         "if 1: pass", "if 1: pass\n", "while x: y = 2", "if 1:\n  pass", "x = 1"]
for src in cases:
    for mode in ('exec', 'single', 'eval'):
        try:
            compile(src, 's', mode)
            print(mode, repr(src), 'ok')
        except SyntaxError as e:
            print(mode, repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset,
                  e.end_lineno, e.end_offset, repr(e.text))
for src in ['\ufeffx = 1', b'\xef\xbb\xbfx = 1', '\ufeff# coding: latin-1\nx = 1',
            b'\xef\xbb\xbf# coding: utf-8\nx = 1']:
    for f in (ast.parse, lambda s: compile(s, 's', 'exec')):
        try:
            f(src)
            print(repr(src), 'ok')
        except SyntaxError as e:
            print(repr(src), repr(e.msg), e.lineno, e.offset, repr(e.text))
