import textwrap
s = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, 30, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world, this is a test", width=15))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("a\n\nb\n", "+ ")))
w = textwrap.TextWrapper(width=10, break_long_words=True, max_lines=2, placeholder="...")
print(w.wrap("supercalifragilistic expialidocious word"))
print(textwrap.wrap("a\tb", 8, expand_tabs=True, tabsize=4), textwrap.fill("", 5))
