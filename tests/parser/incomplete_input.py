# compile(..., "single", PyCF_ALLOW_INCOMPLETE_INPUT[|PyCF_DONT_IMPLY_DEDENT]) as codeop uses it.
srcs = ['if x:\n    print("yes")', 'def f():\n    return 5', 'if x: print(1)', 'class A: pass', '@d', '', '# c',
        'if 1:\n  pass\n  ', 'if x:\n    print("yes")\n', 'if x:\n    print("yes")\n\n', 'x = 1', 'x = 1\n', 'if x: print(1)\n',
        'class A: pass\n', 'if 1:\n  pass\n', 'for x in y:\n  pass\nelse:\n  pass', 'x = (1,', 'x = """a', 'x = 1\ny = 2\n', '\n', 'if x:', 'if x:\n']
for fl in (0x4000 | 0x200, 0x4000):
    for s in srcs:
        try:
            compile(s, "<stdin>", "single", fl)
            print(hex(fl), repr(s), "ok")
        except SyntaxError as e:
            print(hex(fl), repr(s), e.msg)
