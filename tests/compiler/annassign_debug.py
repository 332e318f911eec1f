# Annotated assignments to __debug__ (names and attributes, with and without a value) are
# SyntaxErrors at 3.11's locations.
for src in ["object.__debug__: int", "object.__debug__: int = 1", "__debug__: int", "__debug__: int = 1",
            "from __future__ import annotations\nobject.__debug__: int", "x = 1\n(a.\n  __debug__): int",
            "def f():\n    a.__debug__: int", "a.__debug__ = 1", "del a.__debug__"]:
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
