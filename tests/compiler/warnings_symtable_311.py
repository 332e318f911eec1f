# assert on a non-empty tuple warns (also when folded to a constant, also under -O), and
# the warning becomes a SyntaxError under -Werror; 'yield' in each kind of comprehension;
# "(x): int" binds nothing.
import subprocess, sys, warnings
for src in ['assert(x, "msg")', 'assert(False, "msg")', 'assert(False,)', 'assert ()',
            'assert x, "msg"', 'x = 1\nassert (x, 2)']:
    for opt in (0, 2):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            compile(src, '<s>', 'exec', optimize=opt)
        print(repr(src), opt, [str(m.message) for m in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error', SyntaxWarning)
        try:
            compile(src, '<s>', 'exec')
        except SyntaxError as e:
            print('  error:', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
for src in ['def g(): [(yield x) for x in ()]', 'def g(): {(yield x) for x in ()}',
            'def g(): {x: (yield) for x in ()}', 'def g(): ((yield) for x in ())',
            'def g(): [(yield from x) for x in ()]', 'def g(): {(yield from x): 1 for x in ()}']:
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print(repr(src), e.msg, e.offset, e.end_offset)

def f2bad():
    (no_such_global): int
    print(no_such_global)
try:
    f2bad()
except Exception as e:
    print(type(e).__name__, f2bad.__code__.co_varnames)
def f3():
    (y): int = 1
    return y
print(f3(), f3.__code__.co_varnames)
import symtable
t = symtable.symtable("def f():\n    (x): int\n    print(x)\n", "s", "exec")
s = t.get_children()[0].lookup('x')
print(s.is_local(), s.is_global(), s.is_annotated())
