# Basic matching: match/search/fullmatch, groups, spans, pos/endpos.
import re

m = re.match(r'(a+)(b)?', 'aaab')
print(m, m.group(), m.group(1), m.group(2), m.groups(), m.span(), m.span(1))
print(re.match(r'x', 'abc'), re.search(r'c', 'abc'))
print(re.fullmatch(r'a.c', 'abc'), re.fullmatch(r'a.', 'abc'))
print(re.search(r'\d+', 'abc 123 def 45').group())
p = re.compile(r'o')
print(p.search('hello world', 5), p.search('hello world', 5).span())
print(p.match('hello', 4), p.match('hello', 1, 4))
print(p.search('hello world', 0, 3), p.fullmatch('o', 0, 1))
m = re.search(r'(\w+)@(\w+)\.com', 'mail: joe@example.com!')
print(m.groups(), m.start(2), m.end(2), m.span(0), m.pos, m.endpos)
print(m.string, m.re.pattern, m.lastindex, m.lastgroup)
print(m[0], m[1], m[2], m.group(1, 2), m.group(0, 1))
print(m.regs)
m = re.match(r'(a)|(b)', 'b')
print(m.groups(), m.groups('-'), m.span(1), m.start(1), m.lastindex)
print(re.match(r'', ''), re.search(r'$', 'abc'))
print(re.match(r'a*', 'bbb').span(), re.search(r'a*?b', 'aab').group())
for s in ['', 'a', 'ab', 'abc', 'xabcx']:
    print(repr(s), re.search(r'b|c', s), re.match(r'.*', s).span())
try:
    m.group(3)
except IndexError as e:
    print('IndexError', e)
try:
    re.match('a', 1)
except TypeError as e:
    print('TypeError', e)
try:
    re.match('a', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.match(b'a', 'a')
except TypeError as e:
    print('TypeError', e)
