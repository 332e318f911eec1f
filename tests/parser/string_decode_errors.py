# Errors decoding literals and source bytes given to compile(): escapes (\N{}, \x, \u, \U),
# undecodable UTF-8 in names and strings, coding cookies — messages and positions as 3.11.
import warnings

SOURCES = [
    '"\\N{}"', '"\\N{xyz}"', '"\\N"', '"\\N{abc"', 'x = "ab\\N{}"',
    "print(ascii('\\N{VARIATION SELECTOR-256}\\N{TANGUT IDEOGRAPH-17000}'))",
    "'\\N{LATIN SMALL LETTER A}\\N{bogus name}' + 'x'",
    "b'\\N{DIGIT ONE}'", 'f"{x}\\N{bogus}"', "'\\x4'", "'\\u12'", "'abc\\U0011ffff'", "b'\\x4' + 1",
    b'x="\xf6"\n', b'x="\xf6"  + 1\n', b'x=("a"\n  "\xf6"\n  "b"\n  )\n', b'x=r"\xf6"\n',
    b'x="\\n\xf6\xf6"\n', b'x="\\n\xc3\xa9\xf6"\n', b'x="""\n\xf6\n"""\n', b'x=f"\xf6"\n',
    b'x=\xf6abc+1\n', b'x=\xc3\xa9\xf6 + 1\n', b'if 1:\n  x=\xf6abc+1\n', b'x=b"\xf6"\n',
    b'x = 1  # comment \xf6\n',
    b'# coding: uft-8\nx=1\n', b'\xef\xbb\xbf# coding: latin-1\nx = 1\n',
    b'# -*- coding: koi8-r -*-\nx = "\xf0\xd2\xc9"\nprint(x)\n',
    b'# coding: latin-1\nx = "\xe9"\nprint(x)\n',
]

for src in SOURCES:
    try:
        code = compile(src, "<s>", "exec")
        print("ok", ascii(src))
        if b"print" in (src if isinstance(src, bytes) else b""):
            exec(code, {})
    except SyntaxError as e:
        print(ascii(src), "|", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))

# the invalid-escape warning shows the byte after the backslash as a code point
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile('x = "\\\u041f"\ny = "\\d"\n', "<w>", "exec")
for m in w:
    print(m.category.__name__, m.message, m.lineno)
