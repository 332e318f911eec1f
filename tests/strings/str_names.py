# \N{...} escapes and the Unicode name database
print("\N{GREEK SMALL LETTER ALPHA}", "\N{LATIN SMALL LETTER A WITH ACUTE}", "\N{DIGIT ONE}", "\N{HANGUL SYLLABLE GAG}", "\N{CJK UNIFIED IDEOGRAPH-4E00}")
print("\N{latin small letter a}", "\N{SNOWMAN}", "\N{EM DASH}", "\N{TIBETAN MARK TSA -PHRU}", "\N{HYPHEN-MINUS}", "\N{NUSHU CHARACTER-1B170}")
print(ascii("\N{EMPTY SET}\N{GRINNING FACE}"))
