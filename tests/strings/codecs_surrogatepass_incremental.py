# Incremental decoders with surrogatepass keep a truncated surrogate for the next call; UTF-8 surrogateescape error range (test_codecs).
import codecs
for enc in ('utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le'):
    for ch in ('\uD901', '\uDC02'):
        data = ch.encode(enc, 'surrogatepass')
        for i in range(1, len(data)):
            dec = codecs.getincrementaldecoder(enc)('surrogatepass')
            print(enc, ascii(ch), i, ascii(dec.decode(data[:i])), ascii(dec.decode(data[i:], True)))
for s in ('[\udc80\ud800\udfff]', '[\udc80]', 'a\udcff\udc80b'):
    try:
        print(s.encode('utf-8', 'surrogateescape'))
    except UnicodeEncodeError as e:
        print(ascii(e.object[e.start:e.end]), e.start, e.end)
