# '{' inside a str.format field name is a ValueError (test_unicode.test_format).
for f in ("{a{}b}", "{a{b}", "{0!r:{1}}", "{[{]}", "{0:{{}}}", "{:{}}"):
    try: print(repr(f.format(42, 5, a=1)))
    except (ValueError, KeyError, IndexError, TypeError) as e: print(f, type(e).__name__, e)
