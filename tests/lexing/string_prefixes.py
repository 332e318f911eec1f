# String prefixes in every case combination, raw strings and triple quotes.
print('single', "double", '''triple single''', """triple double""")
print(r'\n raw', R"\t raw", u'unicode', U"unicode")
print(b'bytes', B"bytes", rb'\x00 raw', Rb'\n', bR'\t', BR"x", br"y")
x = 42
print(f'{x}', F"{x}", rf'\n{x}', fR"\t{x}", Rf'{x}\\', FR'{x}')
print('''line one
line two''', """a "quoted" 'word'""")
print(r'\'', r"\"", len(r'\\'), len('\\'))
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
