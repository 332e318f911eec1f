import locale
print(locale.setlocale(locale.LC_ALL, None) if False else "", locale.setlocale(locale.LC_NUMERIC, "C"))
conv = locale.localeconv(); print(conv["decimal_point"], repr(conv["thousands_sep"]), sorted(conv)[:5])
print(locale.format_string("%.2f", 1234.5), locale.str(2.5), locale.atof("3.5"), locale.atoi("42"), locale.currency if False else "")
print(locale.normalize("en_US"), locale.normalize("de_DE.utf8"), locale.strcoll("a", "b") < 0, locale.strxfrm("abc"))
print(locale.getpreferredencoding(False), locale.getencoding() if hasattr(locale, "getencoding") else "")
try:
    locale.setlocale(locale.LC_ALL, "xx_NOPE")
except locale.Error as e:
    print(e)
