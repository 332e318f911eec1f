# SyntaxErrors where '==' (or ':=') was meant: 3.11's invalid_named_expression wherever a
# named expression is read (displays, conditions, subscripts, decorators, match), but
# not in call arguments; plus the dictionary-key error's location, and the f-string
# expression tokenizer's line numbers
srcs = [
    "ages = {'Alice'=22, 'Bob'=23}", "{a=1}", "[a=1]", "[1, 'x'=2]", "(a.b=1)",
    "{1, 2=3}", "x = [a+1=2]", "if x=1: pass", "while 'a'=2: pass",
    "a[x=1]", "a[1, 'b'=2]", "@x=1\ndef f(): pass", "match x=1:\n case 1: pass",
    "match x:\n case 1 if y=2: pass", "f(x)[a=1]", "(a=1)", "(a, b=1)", "[(a)=1]",
    "{[1][0]=2}", "{[x for x in y][0]=2}", "{(1,2)=3}", "{(1)=3}", "{(x for x in y)=1}",
    "{True=1}", "{None.a=1}", "{a=b=1}", "{a=b:=1}", "{a=1:2}", "{-a=1}", "{not a=1}",
    "{a.b=c.d}", "{await x=1}", "f'{a=}'", "f'{a=1}'", "elif_ = 1\nif a: pass\nelif b=1: pass",
    "assert a=1", "x = a if b=1 else c", "{a=*b}", "{*a=1}", "[a=1 for x in y]",
    "with a=1: pass", "print(a)[b=1]", "a, b=1", "f(a, 1=2)", "f(a.b=1)", "f(a, b=1)",
    "{'a':1, 'b'=2}", "{**a, b=1}", "{'a':1, 'bc' 'd'}",
    "f'''\n            {\n            (123_a)\n            }'''",
    "f'''\n  {\n  f\"\"\"\n  {\n  (123_a)\n  }\n  \"\"\"\n  }'''",
    "x=1\nf'''{x}\n{'\n'}'''",
    '"\\\n"(1 for c in I,\\\n\\', "f(x for x in y, 1)", "f(x for x in y, \\\n",
    "x = 1 + \\\n", "x = (1 + \\\n", "x = ('é', \\\n", "(\n\\\n", "[1,\n 2, \\\n",
]
for s in srcs:
    try:
        compile(s, "<s>", "exec")
        print(repr(s), "OK")
    except SyntaxError as e:
        print(repr(s), repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
