import unicodedata as u
for ch in "aÅ\u0301١½ \u2028€😀\u4e00":
    print(repr(ch), u.name(ch, "?"), u.category(ch), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch), u.mirrored(ch), u.decimal(ch, None), u.numeric(ch, None), u.decomposition(ch))
print(u.lookup("LATIN SMALL LETTER E WITH ACUTE"), u.unidata_version)
s = "Ame\u0301lie ﬁ Å"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    print(form, ascii(u.normalize(form, s)), u.is_normalized(form, s))
try:
    u.lookup("NO SUCH NAME")
except KeyError as e:
    print(e)
print(u.ucd_3_2_0.unidata_version)
