# Unicode identifiers, including NFKC normalisation of names.
café = "coffee"
π = 3.14159
переменная = "russian"
变量 = "chinese"
_private = 1
名前_2 = 2
print(café, π, переменная, 变量, _private, 名前_2)
ﬁle = "ligature"          # U+FB01 normalises to "fi"
print(file)
ℌ = "script H"              # normalises to "H"
print(H)
class Ωmega:
    ε = 0.001
print(Ωmega.ε, Ωmega.__name__)
print("é".isidentifier(), "1a".isidentifier(), "a1".isidentifier())
