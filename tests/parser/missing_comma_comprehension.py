# "Perhaps you forgot a comma?" between items of a list/set/dict display, and "did you forget
# parentheses around the comprehension target?" for [a, b for ...] / {a, for ...}.
cases = ['[x,y for x,y in range(100)]', '{x,y for x,y in range(100)}', '[x, for x in y]', '{x, for x in y}', '[1, 2 3]', '{1:2, 2:5 3:12}', '(1, 2 3)', '{1, 2 3}', '[1 2]', '[a, b c, d]', '[x, y, z for x in y]', '[x, *y for x in z]', '[1, 2, async for x in y]', 'f(a, b c)', '[a, b := 1]', '[1, 2,]', '[a, match x]', '{1: 2 for x in y}']
for c in cases:
    try:
        compile(c, '<s>', 'exec'); print(repr(c), 'OK')
    except SyntaxError as e:
        print(repr(c), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
