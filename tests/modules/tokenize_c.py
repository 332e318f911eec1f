# _tokenize.TokenizerIter (tokenize._generate_tokens_from_c_tokenizer): the C tokenizer's
# tokens with exact operator types, ASYNC/AWAIT, NEWLINE spanning a comment, INDENT/DEDENT
# without columns; tokenizer errors raise SyntaxError, errors pegen reports later stop.
import _tokenize
from token import tok_name
from tokenize import _generate_tokens_from_c_tokenizer

sources = [
    "x = 1  # hi\n", "if x:\n  y\n", "s = '''a\nbc''' + 1\n", "x", "a = (1,\n 2)\n",
    "\n\n# c\nx\n", "def f():\n    pass\n\nz\n", 'a = "\u00e9" + b\r\nc\r\n', "(1",
    "async def f():\n    await x\n", "x = f'{a!r}'", "0xff <= 255 != ~1 ** 2 @ m\n",
    "a[1:2] -> ... := b\n", "if a:\n  if b:\n    c\nd\n",
]
for src in sources:
    print(repr(src))
    for tok, type, lineno, end_lineno, col, end_col, line in _tokenize.TokenizerIter(src):
        print("   ", tok_name[type], repr(tok), (lineno, col), (end_lineno, end_col))
print([t.type for t in _generate_tokens_from_c_tokenizer("x\n")])
for bad in ["(1+2]", "]", "1_", "'''sdf''", "'abc", "0b12", "\u20ac", "(" * 1000 + "a" + ")" * 1000,
            "if x:\n    a\n  b\n", "if x:\n  a\n    b\n"]:
    try:
        print(repr(bad[:20]), [tok_name[t[1]] for t in _tokenize.TokenizerIter(bad)])
    except SyntaxError as e:
        print(repr(bad[:20]), "SyntaxError", e.args[0], e.lineno)
