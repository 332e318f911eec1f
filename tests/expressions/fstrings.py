# f-strings: expressions, conversions, format specs, nesting, self-documenting '='.
name, n, pi = "krait", 42, 3.14159265
print(f"{name} {n} {pi}", f"{n + 1}", f"{name.upper()}", f"{[1, 2][1]}", f"{'q'}")
print(f"{name!r} {name!s} {'café'!a} {n!r}")
print(f"{pi:.2f} {n:5d}| {n:<5}| {n:^7}| {n:>5}| {n:05} {n:x} {n:#b} {n:,}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}}] [{name:*^{width}}]")
print(f"{{literal braces}} {{{n}}}")
print(f"{n=} {pi=:.1f} {name = }")
print(f"{'nested ' + f'{n}'}", f"{n if n > 40 else 0}", f"{(lambda: 7)()}")
d = {"k": "v"}
print(f"{d['k']}", f"{len(d)}", f'{d["k"]}')
print(f"""triple {n}
quoted""", rf"\d{n}", f"{3.0:g} {1e20:g} {0.5:%} {-n:+} {n:+}")
