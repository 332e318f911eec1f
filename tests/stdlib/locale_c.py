# _locale on the C library (runner sets LC_ALL=C.UTF-8).
import _locale, locale
print(locale.setlocale is _locale.setlocale, locale.Error is _locale.Error, _locale.Error.__module__)
print(_locale.setlocale(_locale.LC_CTYPE), _locale.getencoding(), _locale.nl_langinfo(_locale.CODESET))
print(_locale.setlocale(_locale.LC_ALL, "C"), _locale.setlocale(_locale.LC_ALL))
print(sorted(_locale.localeconv().items()))
print([_locale.nl_langinfo(getattr(_locale, n)) for n in ("DAY_1", "ABDAY_2", "MON_3", "ABMON_4", "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "RADIXCHAR", "THOUSEP", "YESEXPR", "NOEXPR", "CRNCYSTR", "ERA", "ALT_DIGITS", "_DATE_FMT")])
print(_locale.setlocale(_locale.LC_ALL, "C.UTF-8"))
# wcscoll() only promises the sign: its magnitude depends on where the strings lie in memory
sign = lambda v: (v > 0) - (v < 0)
print(sign(_locale.strcoll("a", "b")), sign(_locale.strcoll("b", "a")), sign(_locale.strcoll("x", "x")), _locale.strxfrm("héllo"))
print(sorted(["b", "A", "a", "B"], key=locale.strxfrm), locale.format_string("%d", 1234567, grouping=True))
print(_locale.gettext("hello"), _locale.dgettext(None, "x"), _locale.dcgettext(None, "y", _locale.LC_MESSAGES), _locale.textdomain(None))
print(_locale.bindtextdomain("krait_test", None), _locale.bind_textdomain_codeset("krait_test", None))
print(_locale.CHAR_MAX, _locale.LC_ALL, _locale.LC_NUMERIC, _locale.LC_MESSAGES)
for bad in [lambda: _locale.nl_langinfo(12345), lambda: _locale.nl_langinfo("x"),
            lambda: _locale.setlocale("x"), lambda: _locale.setlocale(0, 5),
            lambda: _locale.setlocale(99), lambda: _locale.setlocale(99, "C"),
            lambda: _locale.setlocale(0, "a\0b"), lambda: _locale.strcoll(1, "a"),
            lambda: _locale.strcoll("a", 1), lambda: _locale.strxfrm(1),
            lambda: _locale.strxfrm("a\0b"), lambda: _locale.setlocale(_locale.LC_ALL, "xx_NOPE"),
            lambda: _locale.bindtextdomain("", None), lambda: _locale.setlocale()]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
print(locale.getlocale(), locale.getpreferredencoding(False), locale.localeconv()["decimal_point"])
