# The _sre module itself: constants, helpers, and rejection of malformed code.
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.ascii_iscased(0xe9))
print(_sre.unicode_iscased(0xe9), _sre.unicode_iscased(ord('1')), _sre.unicode_iscased(0x3a3))
print(_sre.ascii_tolower(ord('A')), _sre.ascii_tolower(0xc9), _sre.unicode_tolower(0xc9))
print(_sre.unicode_tolower(0x3a3), _sre.unicode_tolower(0x1e9e), _sre.ascii_tolower(-1))
for bad in ([], [99], [0], [17, 5, 1], [16], [7, 3, 16, 97, 15, 2, 0, 1], [13, 100, 0, 1],
            [24, 5, 0, 1, 16, 97, 1], [23, 4, 0, 1, 19, 1], [11, 3, 1], [6, 99, 1],
            [14, 2, 0, 1], [18, 1], [15, 1, 1], [9, 0, 1], [4, 100, 0, 1]):
    try:
        p = _sre.compile('x', 0, bad, 0, {}, ())
        print('accepted', bad, p.match('aaa'))
    except RuntimeError as e:
        print('RuntimeError', e)
try:
    _sre.compile('x', 0, [1 << 40], 0, {}, ())
except OverflowError as e:
    print('OverflowError', e)
p = _sre.compile('a', 0, [16, 97, 1], 0, {}, ())
print(p, p.match('abc'), p.search('xxa'), p.groups, p.groupindex)
