# from __future__ errors: messages and positions as 3.11 (future.c and compiler_from_import).
cases = [
    "import os; from __future__ import annotations",
    "import os\nfrom __future__ import annotations",
    "from __future__ import annotations; import os; from __future__ import division",
    '"doc"\nfrom __future__ import annotations\nx: int\nprint(__annotations__)',
    '"doc"\n"doc2"\nfrom __future__ import annotations',
    "def f():\n    from __future__ import division",
    "class C:\n    from __future__ import division",
    "from __future__ import braces",
    "from __future__ import nope, braces",
    "x = 1; from __future__ import nope",
    "from __future__ import (annotations,\n   division)\nfrom __future__ import generators",
    "x = 1\n\n\n   \nfrom __future__ import generators as g",
    "from __future__ import *",
    "from __future__ import barry_as_FLUFL\nprint(1 <> 2)\n",
    "from __future__ import generator_stop, nested_scopes, print_function",
]
for src in cases:
    for mode in ("exec", "single"):
        try:
            exec(compile(src, "<s>", mode, dont_inherit=True), {})
            print("ok")
        except SyntaxError as e:
            print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
