# \N{...} / unicodedata.lookup: Hangul syllable and CJK unified ideograph names are matched
# case-sensitively (with 4 or 5 upper-case hex digits); other names ignore case.
import unicodedata
for n in ["HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "hangul syllable ga", "hangul syllable GA",
          "HANGUL SYLLABLE ga", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00",
          "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-004E00",
          "CJK UNIFIED IDEOGRAPH-4DC0", "CJK COMPATIBILITY IDEOGRAPH-F900",
          "cjk compatibility ideograph-f900", "nushu character-1b170", "latin small letter a",
          "TANGUT IDEOGRAPH-17000"]:
    try:
        print(n, hex(ord(unicodedata.lookup(n))))
    except KeyError as e:
        print(n, "KeyError", e)
for src in (r'"\N{hangul syllable ga}"', r'"\N{HANGUL SYLLABLE GA}"', r'"\N{latin small letter b}"'):
    try:
        print(src, ascii(eval(src)))
    except SyntaxError as e:
        print(src, "SyntaxError", e.msg)
