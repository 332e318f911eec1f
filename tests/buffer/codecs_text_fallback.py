# str.encode / bytes.decode with codecs that live in the encodings package (cp1252, rot13 checks)
print('\u20ac'.encode('cp1252'), b'\x80'.decode('cp1252'))
try: 'x'.encode('rot13')
except LookupError as e: print(e)
import io
print(io.TextIOWrapper(io.BytesIO('\xe9'.encode('latin-1')), encoding='cp1252').read())
import codecs
codecs.register_error('angle', lambda e: ('<%d>' % e.start, e.end))
print(b'a\xffb'.decode('utf-8', 'angle'), 'a\u20acb'.encode('ascii', 'angle'))
