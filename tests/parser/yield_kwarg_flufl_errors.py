# SyntaxErrors of session 5's sweep: assignment to a yield expression (bare vs parenthesized),
# a generator argument after `name =`, and the barry_as_FLUFL compile flag (`<>` vs `!=`).
import __future__

def show(src, flags=0):
    try:
        compile(src, "<s>", "exec", flags)
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for s in ["(yield) = 1", "a = (yield) = 1", "(yield from x) = 1", "[(yield)] = 1",
          "(yield) = (yield) = 1", "yield = 1", "x = y = yield = 1", "x = yield = 1",
          "(yield) += 1", "(yield): int", "del (yield)", "for (yield) in x: pass"]:
    show("def g():\n " + s)

for s in ["dict(a = i for i in range(10))", "f(a = i for i in x)", "f(a=1 for i in x)",
          "f(x, b = i async for i in x)", "f(a = 1, b = 2)"]:
    show(s)

flufl = __future__.CO_FUTURE_BARRY_AS_BDFL
show("from __future__ import barry_as_FLUFL\n2 <> 3", flufl)
show("from __future__ import barry_as_FLUFL\n2 != 3", flufl)
show("2 <> 3")
show("2 != 3")
show("1 <> 2 <> 3", flufl)
try:
    compile("2 != 3", "<FLUFL test>", "eval", flufl)
except SyntaxError as e:
    print(e.filename, e.text, e.offset)
print(eval(compile("1 <> 2", "<s>", "eval", flufl)))

# invalid_dict_comprehension: `**` in a dict comprehension, at the '**' token
for s in ["{**{} for a in [1]}", "{**x: 1 for a in b}", "{**a for b in c if d}", "{**a, b for c in d}",
          "{**a for b in c", "{**a async for b in c}", "[*a for a in b]", "{*a for a in b}"]:
    show(s)
