# case mapping with Unicode special cases
print("hello".upper(), "HeLLo".lower(), "hello world".title(), "hELLO".capitalize(), "HeLLo".swapcase())
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower(), "ΌΣΟΣ Σ".lower(), "Straße".casefold(), "ǅ".lower(), "ǆ".title())
print("they're bill's".title(), "ŉ".upper(), "ᾳ".upper(), "ᾳ".title(), "éCOLE".capitalize(), "ß".swapcase(), "ΐ".upper())
print("Abc".islower(), "abc".islower(), "ABC".isupper(), "A1".isupper(), "1".isupper(), "Ab Cd".istitle(), "AB".istitle(), "ǅa".istitle())
