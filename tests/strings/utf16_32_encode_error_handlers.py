# UTF-16/32 encoders run every error handler on lone surrogates, registered ones too (test_codecs test_lone_surrogates).
import codecs
codecs.register_error('t', lambda e: (b'XY', e.end))
codecs.register_error('t2', lambda e: ('XY', e.end))
codecs.register_error('t3', lambda e: ('\xe9', e.end))
codecs.register_error('t4', lambda e: (b'X', e.end))
codecs.register_error('back', lambda e: ('<', e.start - 1 if e.start > 0 and e.object[e.start-1] == 'a' else e.end))
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
    for err in ('strict', 'ignore', 'replace', 'backslashreplace', 'namereplace', 'xmlcharrefreplace', 'surrogatepass', 'surrogateescape', 't', 't2', 't3', 't4'):
        try:
            print(enc, err, 'a\ud800\udc80b\U00010000'.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError', e.start, e.end, e)
print('x\ud800y'.encode('utf-16-le', 'backslashreplace').decode('utf-16-le'))
