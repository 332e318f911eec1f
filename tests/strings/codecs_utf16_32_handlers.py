# UTF-16/32 decoding (session 5 sweep): utf_16/32_ex_decode report byte order 0 without a
# BOM (so a BOM-less StreamReader/IncrementalDecoder raises), errors name the order in effect
# ('utf-16-le'), a registered error handler's resume position is honoured (UTF-16/32,
# (raw-)unicode-escape), and unicode_escape warns about octal escapes above 0o377.
import codecs
d = codecs.getincrementaldecoder('utf-16')()
try: print(d.decode(b'a\x00'))
except Exception as e: print(type(e).__name__, e)
for f in (codecs.utf_16_ex_decode, codecs.utf_32_ex_decode):
    for data in (b'a\x00', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00\x00\x00', b'\xff\xfe\x00\x00a\x00\x00\x00', b'', b'\xff'):
        for final in (False, True):
            try: print(f(data, 'strict', 0, final))
            except Exception as e: print(type(e).__name__, e)
        try: print(f(data, 'backslashreplace', 0, True))
        except Exception as e: print(type(e).__name__, e)
print(b'a\x00\xff\xfeb\x00\x00\xd8c\x00'.decode('utf-16', 'replace'))
print(b'a\x00\xff\xfeb\x00\x00\xd8c\x00'.decode('utf-16', 'backslashreplace'))
codecs.register_error('t.pos', lambda e: ('<?>', e.end))
print(b'a\x00\xff\xfeb\x00\x00\xd8c\x00'.decode('utf-16', 't.pos'))
print(codecs.utf_16_ex_decode(b'a\x00\x00\xd8\xff\xfeb\x00', 't.pos', 0, True))
import io
for enc in ('utf-16', 'utf-32'):
    try: print(codecs.getreader(enc)(io.BytesIO(b'\xff\xff\xff\xff')).read())
    except UnicodeError as e: print('UnicodeError', e)
    print(repr(codecs.getreader(enc)(io.BytesIO('hi'.encode(enc))).read()))
def h(e):
    print('handler sees', e.encoding, e.start, e.end, e.reason)
    return ('?', e.end)
codecs.register_error('t.show', h)
for data, enc in [(b'\xff\xfea\x00\x00\xd8', 'utf-16'), (b'\xfe\xff\x00a\xd8\x00', 'utf-16'), (b'a\x00\x00\xd8', 'utf-16'),
                  (b'\x00\xd8\x00\x00', 'utf-32'), (b'\x00\x00\xfe\xff\x00\x00\xd8\x00', 'utf-32'), (b'a\x00\x00\xd8', 'utf-16-le')]:
    print(data.decode(enc, 't.show'))
    print(codecs.utf_16_ex_decode(data, 't.show', 0, True) if '16' in enc else codecs.utf_32_ex_decode(data, 't.show', 0, True))

class RepeatedPosReturn:
    def __init__(self, repl="<?>"):
        self.repl = repl
        self.pos = 0
        self.count = 0
    def handle(self, exc):
        if self.count > 0:
            self.count -= 1
            return (self.repl, self.pos)
        return (self.repl, exc.end)
handler = RepeatedPosReturn("x")
codecs.register_error("t.repeat", handler.handle)
for enc, bad in [("ascii", b"\xff"), ("utf-8", b"\xff"), ("utf-16be", b'\xdc\x80'),
                 ("utf-32be", b'\x00\x00\xdc\x80'), ("utf-16le", b'\x80\xdc'), ("iso-8859-6", b"\xff")]:
    handler.count = 5
    print(enc, ("abcd".encode(enc) + bad).decode(enc, "t.repeat"))
def forward_one(exc):
    return ('\ufffd', exc.start + 1)
codecs.register_error("t.forward", forward_one)
print(ascii(b'\xd8\xd8\xd8\xd8\xd8\x00\x00\x00'.decode('utf-16-le', 't.forward')))
def posreturn(exc):
    return ('<?>', 6)
codecs.register_error("t.pos6", posreturn)
print(b"\\uyyyy0".decode("raw-unicode-escape", "t.pos6"))
print(b"\\uyyyy0".decode("unicode-escape", "t.pos6"))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for b in [rb'\400', rb'\777x', rb'\z', rb'\8', rb'\40', rb'\1234']:
        print(codecs.unicode_escape_decode(b))
    print([str(x.message) for x in w])
