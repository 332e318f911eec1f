# Pattern and Match objects: repr, equality, hash, copy, attributes, type errors.
import re

p = re.compile(r'a(b)c', re.I | re.M)
print(repr(p), p.pattern, p.flags, p.groups, p.groupindex)
print(repr(re.compile('x')), repr(re.compile(b'x')), repr(re.compile('x', re.A)))
print(repr(re.compile(b'x', re.L)), repr(re.compile('x', re.S | re.X | re.DEBUG & 0)))
print(repr(re.compile('a' * 300))[:40], len(repr(re.compile('a' * 300))))
print(p == re.compile(r'a(b)c', re.I | re.M), p == re.compile(r'a(b)c'), p != 1)
print(hash(p) == hash(re.compile(r'a(b)c', re.I | re.M)))
print(p.__copy__() is p, p.__deepcopy__({}) is p)
m = p.search('xxABCxx')
print(repr(m), m.__copy__() is m, m.__deepcopy__({}) is m)
print(repr(re.match('.*', 'x' * 100)))
print(type(p).__name__, type(m).__name__, type(p).__module__, type(m).__module__)
print(re.Pattern[str], re.Match[bytes])
print(bool(m), m.re is p, m.string)
for cls in (re.Pattern, re.Match):
    try:
        cls()
    except TypeError as e:
        print('TypeError', e)
try:
    p.match()
except TypeError as e:
    print('TypeError', e)
try:
    p.match('a', pos='x')
except TypeError as e:
    print('TypeError', e)
print(p.match(string='abc'), p.search('zabc', pos=1, endpos=4))
g = re.compile(r'(?P<n>\d)(x)?')
m = g.match('1')
print(m.groupdict(), m.groups(), m.groups(default=0), m.span(2), m.regs, m.lastgroup)
print(m.group('n'), m.start('n'), m.end(2), m.group(True))
try:
    m.group(5)
except IndexError as e:
    print('IndexError', e)
try:
    m.start([])
except (IndexError, TypeError) as e:
    print(type(e).__name__, e)
print(re.compile('a|b').search('cab').re.pattern, re.purge())
