# The NEWLINE token after a comment starts at the '#' (errors located at it show the span),
# and "0xfor x"-style literals warn with SyntaxWarning (an error under -Werror).
import warnings
for src in ["x = 1 +  # c", "x = 1 +  # c\n", "if x  # c\n  pass", "import  # c\n",
            "print 1  # c", "a b  # c", "x = (1,  # c\n"]:
    try:
        compile(src, '<s>', 'exec')
        print(repr(src), 'OK')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for src in ['0xfor x', '1if x else y', '0o7and x', '1_000in x', '1.5or x', '1jor x']:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        compile(src, '<s>', 'exec')
    print(repr(src), [(m.category.__name__, str(m.message)) for m in w])
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            compile(src, '<s>', 'exec')
        except SyntaxError as e:
            print('  error:', e.msg, e.offset)
