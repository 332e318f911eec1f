# The UTF-7 codec (_codecs.utf_7_encode/decode): direct sets, base64 sections, errors, incremental use.
import codecs
print(codecs.lookup("utf_7").name)
for s in ['é+', 'é', 'éa', 'é-', 'é.', 'a+b', '~\\', '\U0001f600x', 'é é', 'éé', 'A\u2262\u0391.', '\x00\x01', '\ud800', 'Hi Mom -\u263a-!', '', '+', '-', '\x7f', 'abc\u20acdef']:
    b = s.encode('utf-7')
    print(repr(s), b, b.decode('utf-7') == s)
print(b'+AOk'.decode('utf-7'))
print(codecs.utf_7_decode(b'+AOk', 'strict', False), codecs.utf_7_decode(b'a+AOk', 'strict', True), codecs.utf_7_decode(b'a+AO', 'strict', False))
print(codecs.utf_7_decode(b'ab+AOkA6', 'strict', False), codecs.utf_7_decode(b'\xe9+AOk', 'replace', False))
for b in [b'+', b'+-', b'a+AOk-b', b'+AOkA', b'+AOkAx-', b'\xff', b'+!', b'+AOkx', b'+2D3eAA-', b'+2D0-', b'+A-', b'+AOl-', b'+2D0AQQ-', b'+2D0.', b'x\x80y+AOk']:
    try: print(b, repr(b.decode('utf-7')))
    except UnicodeDecodeError as e: print(b, e, e.start, e.end)
    print(b, repr(b.decode('utf-7', 'replace')), repr(b.decode('utf-7', 'ignore')), repr(b.decode('utf-7', 'backslashreplace')), codecs.utf_7_decode(b, 'replace', False))
dec = codecs.getincrementaldecoder('utf-7')()
print([dec.decode(bytes([c])) for c in b'a+AOkA6Q-b'], dec.decode(b'', True))
enc = codecs.getincrementalencoder('utf-7')()
print(enc.encode('é'), enc.encode('a', True))
import io
print(io.TextIOWrapper(io.BytesIO('héllo wörld'.encode('utf-7')), encoding='utf-7').read())
