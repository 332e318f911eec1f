# One-character strings are cached singletons, not interned until something interns
# them (marshal writes TYPE_INTERNED only for interned strings).
import marshal, sys
for n in (0x7f, 0x80, 0xe9, 0xff, 0x2b, 0x20):
    c = chr(n)
    print(ascii(c), marshal.dumps(c).hex(), chr(n) is c, 'x%sy' % c == 'x' + c + 'y')
print(sys.intern(chr(200)) is chr(200), marshal.dumps(chr(200)).hex())
print(marshal.dumps('ab').hex(), marshal.dumps('\u20ac').hex())
