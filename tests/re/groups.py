# Named groups, groupdict, lastgroup, backreferences, conditional groups.
import re

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe Smith')
print(m.group('first'), m.group('last'), m['first'], m.groupdict())
print(m.lastgroup, m.lastindex, m.span('last'), m.start('first'))
p = re.compile(r'(?P<a>x)(?P<b>y)?(z)')
print(p.groupindex, p.groups, dict(p.groupindex))
print(p.match('xz').groupdict(), p.match('xz').groupdict('?'), p.match('xyz').lastgroup)
print(re.search(r'(\w)\1', 'abccd').group(), re.search(r'(?P<c>\w)(?P=c)', 'xyyz').span())
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.match(r'(?:(a)|b)(?(1)x|y)', 'by').groups())
print(re.findall(r'(\w)(\d)?', 'a1b2c'))
print(re.match(r'((a)|b)+', 'abab').groups())
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups())
print(re.match(r'(?:(\d+)-)?(\d+)', '12-34').groups(), re.match(r'(?:(\d+)-)?(\d+)', '34').groups())
print(re.match(r'(a*)*', 'aaa').groups(), re.match(r'(a*)+', 'aaa').groups())
print(re.match(r'(a|b)*?c', 'ababc').groups())
print(re.match(r'(?i)(ab)\1', 'abAB'), re.match(r'(ab)\1', 'abAB'))
m = re.match(r'(a)(b)(c)', 'abc')
print(m.lastindex, m.lastgroup, m.expand(r'\3\2\1 \g<1> \g<0>'))
m = re.match(r'(?P<x>a)(?P<y>b)?', 'a')
print(m.expand(r'[\g<x>][\g<y>]'), m.group('y'), m.start('y'), m.span('y'))
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)
