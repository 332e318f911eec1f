# \N{...} accepts every character name and the Unicode name aliases (NameAliases.txt),
# case-insensitively; named sequences are not accepted in literals.
print(len('\N{BYTE ORDER MARK}'), '\N{LATIN CAPITAL LETTER GHA}', '\N{LINE FEED}' == '\n')
print(ascii('\N{BOM}\N{NBSP}\N{NULL}\N{lf}\N{ZWJ}\N{VS1}\N{SHY}\N{DEL}\N{ESC}'))
print(ascii('\N{latin small letter a}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}'))
print(ascii('\N{PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRAKCET}'))
print(ascii('\N{VARIATION SELECTOR-256}\N{NUSHU CHARACTER-1B170}'))
for src in (r'"\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}"', r'"\N{NO SUCH NAME}"',
            r'"\N{BOMX}"'):
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print('SyntaxError', e.msg)
