# Case-insensitive matching of characters whose case mapping is longer than one
# character (the simple mapping is the first character of the full one).
import re, _sre

for c in [0xdf, 0x130, 0x149, 0x1f0, 0x390, 0x1e9e, 0xfb00, 0x1f80]:
    print(hex(c), _sre.unicode_tolower(c), _sre.unicode_iscased(c))
print(re.match(r'(?i)\u0130', 'i\u0307'), re.match(r'(?i)i', '\u0130'))
print(re.findall(r'(?i)[\u0130]', 'iI\u0130'), re.findall(r'(?i)ß', 'ßẞ'))
