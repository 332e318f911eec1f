# str.encode / bytes.decode: codecs outside the native table go through the registry,
# and handlers registered with codecs.register_error are applied by the native codecs.
import codecs

print('\u20ac'.encode('cp1252'), b'\x80abc'.decode('cp1252'))
print('h\xe9'.encode('iso8859_15'), b'h\xe9'.decode('mac_roman'))
for enc in ('rot13', 'hex', 'nonexistent-enc'):
    for f in (lambda: 'x'.encode(enc), lambda: b'x'.decode(enc)):
        try:
            f()
        except LookupError as e:
            print(type(e).__name__, e)

def angle(exc):
    if isinstance(exc, UnicodeDecodeError):
        return '<%s>' % exc.object[exc.start:exc.end].hex(), exc.end
    return '<%d-%d>' % (exc.start, exc.end), exc.end
codecs.register_error('angle', angle)
print(b'a\xffb\xfe\xfdc'.decode('utf-8', 'angle'))
print(b'a\xffb\xe2\x82'.decode('utf-8', 'angle'))
print(b'a\xffb\x80c'.decode('ascii', 'angle'))
print('a\udc80\udc81b'.encode('utf-8', 'angle'))
print('a\xe9\u20acb'.encode('ascii', 'angle'), 'a\u20acb'.encode('latin-1', 'angle'))

def skip2(exc):     # a handler that moves the position forward
    return '?', exc.end + 1
codecs.register_error('skip2', skip2)
print(b'\xffabcd'.decode('utf-8', 'skip2'), b'\xffabcd'.decode('ascii', 'skip2'))
print('\xe9abcd'.encode('ascii', 'skip2'))

def asbytes(exc):
    return b'[%d]' % exc.start, exc.end
codecs.register_error('asbytes', asbytes)
print('x\u1234y'.encode('ascii', 'asbytes'), 'x\udc00y'.encode('utf-8', 'asbytes'))

def nonascii(exc):
    return '\xe9', exc.end
codecs.register_error('nonascii', nonascii)
try:
    'x\u1234'.encode('ascii', 'nonascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)

def bad(exc):
    return 42
codecs.register_error('bad', bad)
for f in (lambda: b'\xff'.decode('utf-8', 'bad'), lambda: '\xff'.encode('ascii', 'bad')):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
for f in (lambda: b'\xff'.decode('utf-8', 'nosuch'), lambda: '\xff'.encode('ascii', 'nosuch')):
    try:
        f()
    except LookupError as e:
        print('LookupError', e)
print(b'ok'.decode('utf-8', 'nosuch'), 'ok'.encode('ascii', 'nosuch'))
