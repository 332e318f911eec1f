# repr/ascii: quote choice, escapes, printable per Unicode
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnl\n\x00\x7f\x80\xa0"), repr("\\"))
print(repr("é\u200b\U0001F600\u0378"), repr("\ud800"), repr("\U000e0001"), ascii("é😀\n"), ascii("x"))
print(str("abc"), str(12), str(None), repr(""), repr("\x1b[0m"), repr("\u2028"))
