# unicodedata: every property of every 13th code point, in 14.0.0 and in ucd_3_2_0 (hashed),
# plus errors, names, lookups (aliases, named sequences) and normalisation.
import unicodedata as u
import hashlib
for db in (u, u.ucd_3_2_0):
    h = hashlib.sha256()
    for c in range(0, 0x110000, 13):
        ch = chr(c)
        h.update(repr((db.category(ch), db.bidirectional(ch), db.combining(ch), db.east_asian_width(ch),
                       db.mirrored(ch), db.decimal(ch, None), db.digit(ch, None), db.numeric(ch, None),
                       db.decomposition(ch), db.name(ch, None))).encode())
    print(db.unidata_version, h.hexdigest()[:16])
print(u.decomposition("\u00bd"), u.decomposition("\uac00") == "", u.decomposition("\u00c5"))
print(u.lookup("LATIN CAPITAL LETTER GHA"), ascii(u.lookup("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE")))
print(u.lookup("latin small letter a"), u.lookup(b"DIGIT ONE"), u.lookup("CJK UNIFIED IDEOGRAPH-4E00"))
print(u.name("\uac01"), u.name("\U00020000"), u.ucd_3_2_0.name("\U0001F600", "-"))
for f, a in [(u.category, (1,)), (u.category, ("ab",)), (u.decimal, ()), (u.decimal, (1,)),
             (u.decimal, ("a", "b", "c")), (u.lookup, (1,)), (u.lookup, ("x" * 300,)),
             (u.normalize, ("NFC",)), (u.normalize, (1, "a")), (u.normalize, ("NFC", 1)),
             (u.normalize, ("X", "a")), (u.name, ("\0",)), (u.decimal, ("a",)), (u.digit, ("a",)),
             (u.numeric, ("a",)), (u.ucd_3_2_0.lookup, ("LATIN CAPITAL LETTER GHA",)),
             (u.ucd_3_2_0.lookup, ("LATIN SMALL LETTER A",)), (u.UCD, ())]:
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
s = "Ame\u0301lie \ufb01 \u212b \u1e9b\u0323 \uac00\u11a8"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    print(form, ascii(u.normalize(form, s)), u.is_normalized(form, s), u.is_normalized(form, u.normalize(form, s)))
print(u.normalize("NFC", "") == "", type(u.ucd_3_2_0).__name__, u.UCD.__module__)
