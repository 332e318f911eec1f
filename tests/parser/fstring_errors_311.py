# f-string errors as python3.11 reports them: "expression required before", the conversion
# message, backslash before a brace, and the location pegen gives (the token after the
# strings, or the "(expression)" text of a failed sub-parse).
import warnings

def show(src, mode='exec'):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            code = compile(src, '<s>', mode)
            value = eval(code, {'a': [1], 'x': 1, 'y': [2]}) if mode == 'eval' else None
        print(repr(src), mode, 'OK', repr(value), [str(m.message) for m in w])
    except SyntaxError as e:
        print(repr(src), mode, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

for src in ["f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{!'", "f'{:}'", "f'{:'", "f'{=}'", "f'{='",
            "f'{}'", "f'{ }'", "f'{3!:}'", "f'{3!}'", "f'{3!'", "f'{3!x}'", "f'{3!xr}'",
            "f'{3!s:'", "f'{*a}'", "f'{*a,}'", "f'{**a}'", r"f'\{6*7}'", r"f'\{{6*7}}'",
            r"f'\\{6*7}'", r"f'{{\}}'", r"f'\}'", r"rf'\{6*7}'", r"f'\N{DIGIT ONE}{1}'",
            "f'{3!r=}'", "f'{ =:}'", "f'{   =!}'", "f'{x!s!r}'", "f'{3:{!r}}'", "f'{3:{}}'",
            "f'{lambda x:1}'", "f'{3!R}'", "f'{3! r}'", "f'{x for x in y}'[:17]", "f'{a, x}'",
            "f'{(yield)}'", "f'{x if 1}'"]:
    show(src, 'eval')
for src, mode in [("x = f'{!r}' + 1", 'exec'), ("f'{!r}'", 'exec'), ("f'{!r}'\n", 'exec'),
                  ("f'{!r}' 'abc'", 'exec'), ("(f'{!r}'\n)", 'exec'), ("f'{!r}'\n\n", 'single'),
                  ("if 1:\n  f'{!r}'", 'exec'), ("print(f'{:}')", 'exec'), ("f'{!r}';", 'exec'),
                  ("f'{!r}'  # c", 'exec'), ("'a' f'{!r}'", 'exec'), ("x = f'\\}'", 'exec'),
                  ("f'{a b}'", 'exec'), ("x = 1; f'{a b}'", 'exec'), ("f'''\n{lambda x:1}'''", 'exec'),
                  ("f'''{\nlambda x:1}'''", 'exec'), ("f'{ é b}'", 'exec'), ("f'{1 +}'", 'exec'),
                  ("f'{*x for x in y}'", 'exec'), ("f'{import x}'", 'exec'), ("f'{3!r:{a b}}'", 'exec'),
                  ("f'{f\"{a b}\"}'", 'exec'), ("f'{a.}'", 'exec'), ("b'a' 'b'", 'eval'),
                  ("b'a' 'b'  # c", 'exec'), ("(**a)", 'exec'), ("f(**a)", 'exec')]:
    show(src, mode)
