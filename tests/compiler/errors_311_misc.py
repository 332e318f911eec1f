# Compile-time errors and folds checked against 3.11: __debug__ cannot be bound or deleted
# (and where that is reported), 'break'/'continue' inside `with` keep their line,
# except/except* mixing, a bare '*', "del *x", backslash lines in indentation, and lists/sets that are
# only iterated over becoming tuples/frozensets.
cases = [('__debug__ = 1', 'single'), ('__debug__ = 1', 'exec'), ('__debug__: int', 'exec'),
         ('def f(__debug__): pass', 'exec'), ('lambda __debug__: 1', 'exec'),
         ('del __debug__', 'exec'), ('x.__debug__ = 1', 'exec'), ('import x as __debug__', 'exec'),
         ('from x import __debug__', 'exec'), ('f(__debug__=1)', 'exec'), ('(__debug__ := 1)', 'exec'),
         ('for __debug__ in x: pass', 'exec'), ('class __debug__: pass', 'exec'),
         ('def __debug__(): pass', 'exec'), ('__debug__ += 1', 'exec'),
         ('with x as __debug__: pass', 'exec'), ('try: pass\nexcept E as __debug__: pass', 'exec'),
         ('def f(*, __debug__): pass', 'exec'), ('print(__debug__)', 'exec'),
         ('a, __debug__ = x', 'exec'),
         ("with object() as obj:\n break", 'exec'), ("with object() as obj:\n    continue", 'exec'),
         ("try: pass\nexcept* ValueError: pass\nexcept TypeError: pass", 'exec'),
         ("try: pass\nexcept ValueError: pass\nexcept* TypeError: pass", 'exec'),
         ("del *x", 'exec'), ("del *x, y", 'exec'), ("del (*x)", 'exec'), ("del [a, *b]", 'exec'),
         ("\\\npass\n        \\\n\npass\n", 'exec'), ("if 1:\n    \\\n    pass\n", 'exec'),
         ("if 1:\n  \\\n      x = 1\n  y = 2\n", 'exec'), ("if 1:\n\\\n    pass\n", 'exec'),
         ("x = 1\n  \\\ny = 2\n", 'exec'), ("if 1:\n  \\\n\\\n  pass\n", 'exec'),
         ('def f(*):\n  pass', 'exec'), ('def f(*,):\n  pass', 'exec'), ('def f(*, **k): pass', 'exec'),
         ('lambda *: 1', 'exec'), ('lambda *,: 1', 'exec'), ('lambda *, **k: 1', 'exec'),
         ('def f(a, *): pass', 'exec'), ('def f(*, a): pass', 'exec'),
         ('with a as b', 'exec'), ('with a as b, c as d\n  pass', 'exec'),
         ('with a as b c:\n pass', 'exec'), ('with a as 1:\n pass', 'exec')]
for src, mode in cases:
    try:
        compile(src, '?', mode)
        print(repr(src), mode, 'OK')
    except SyntaxError as e:
        print(repr(src), mode, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for s in ['x in {0}', 'x in [0, 1]', 'x not in {1, 2}', 'x in {a}', 'x in [a, 1]', 'a < x in {1}',
          'x in [*b]', 'x in {1, 1.0, True}', '[i for i in [1, 2]]', '{i for i in {1, 2}}']:
    co = compile(s, 's', 'eval')
    print(s, [c for c in co.co_consts if not hasattr(c, 'co_code')],
          eval(co, {'x': 1, 'a': 1, 'b': [1]}))
for s in ['for i in [1, 2]: pass', 'for i in {3}: pass', 'for i in [*b]: pass']:
    print(s, compile(s, 's', 'exec').co_consts)
