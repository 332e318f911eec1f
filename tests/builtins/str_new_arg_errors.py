# str(obj, encoding, errors): Argument Clinic names the bad argument ('encoding'/'errors'),
# positional or keyword; embedded NULs are ValueError.
cases = [((b'2', len), {}), ((b'2', 'utf-8', len), {}), ((1, 2), {}), ((b'x',), {'errors': 5}),
         ((b'x',), {'encoding': 5}), ((b'x', 'utf-8', 'strict', 1), {}), ((b'x',), {'foo': 1}),
         ((b'x', 'ut\0f-8'), {}), ((b'x', 'utf-8', 'str\0ict'), {}), ((b'ab', 'ascii'), {}),
         ((b'a\xff', 'ascii', 'replace'), {}), ((bytearray(b'hi'),), {'encoding': 'latin-1'}),
         (('abc', 'utf-8'), {})]
for args, kw in cases:
    try:
        print(repr(str(*args, **kw)))
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
class S(str): pass
try:
    S(b'x', encoding=len)
except TypeError as e:
    print(e)
print(repr(S(b'x', 'ascii')), type(S(b'x', 'ascii')).__name__)
