import string, _string
print(list(string.Formatter().parse("a{0!r:>{w}}b{{c}}{x.y[0]}")))
for s in ["{0!}", "{0!r", "{!}", "{0!:}", "{a!r}", "{!r}", "{0!rr}", "{0:{a!r}", "{0[}", "{0[}]", "{a{b}c}", "{0]}", "x{}y"]:
    try: print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e: print(repr(s), "ValueError", e)
print(string.Formatter().format("{0:>{1}}|{a.real}|{b[1]}", "hi", 5, a=3, b=[7, 8]))
f, rest = _string.formatter_field_name_split("0.a[1][k]")
print(f, list(rest))
for s in ["{", "}", "{0!}", "{0!rx}", "a{0"]:
    try: print(list(_string.formatter_parser(s)))
    except ValueError as e: print("ValueError", e)
print(string.Template("$who likes $what").substitute(who="tim", what="kung pao"))
print(string.capwords("hello world"))
