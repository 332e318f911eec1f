import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   world  foo"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(t.get_identifiers(), t.is_valid())
f = string.Formatter()
print(f.format("{0}-{name}-{1:>4}", 1, 2, name="n"), list(f.parse("a{0!r:>3}b{x.y}")))
class F(string.Formatter):
    def get_value(self, key, args, kwargs):
        return str(key).upper()
print(F().format("{abc} {def}"))
