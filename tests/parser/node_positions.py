# Node positions that 3.11 computes in less obvious ways: a compound statement ends at
# its body's last token (a trailing ';' included), a lone starred subscript is a Tuple,
# a bare tuple in an f-string field spans the braces.
import ast

SOURCES = [
    "def foo():\n    x = 1; pass; del x;\n",
    "if a:\n    b;\nelif c:\n    d;  # comment\nelse:\n    e;\n",
    "try:\n    a;\nexcept E:\n    b;\nfinally:\n    c;\n",
    "with a:\n    b;\nfor x in y: z;\nwhile q: r;\n",
    "class C:\n    def m(self):\n        return 1;\n",
    "match x:\n    case 1:\n        y;\n",
    "tuple[*tuple[int, ...]]\n",
    "a[*b]\n",
    "a[*b, c]\n",
    "a[*b if c else d]\n",
    "f'{3,}'\n",
    "f'{a, b}'\n",
    "f'{(a, b)}'\n",
    "f'{ a , }'\n",
    "f'x{*a, b}y'\n",
    "f'{a, b!r:>10}'\n",
]

for src in SOURCES:
    print(repr(src))
    print(" ", ast.dump(ast.parse(src), include_attributes=True))
