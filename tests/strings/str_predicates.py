# is*() predicates across scripts
tests = ["abc", "a1", "123", "٣٤", "½", "²", "Ⅻ", " \t\n", "\x1c\x1f", "\u2028", "", "é", "日本", "a b", "_x", "1x", "x-y", "\x07", "\xa0", "\u200b"]
for t in tests:
    print(repr(t), t.isalpha(), t.isalnum(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isspace(), t.isidentifier(), t.isprintable(), t.isascii())
