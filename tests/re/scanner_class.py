# re.Scanner (built on Pattern.scanner and Match.lastindex) and finditer edge cases.
import re

def num(scanner, token): return ('NUM', int(token))
def word(scanner, token): return ('WORD', token)
sc = re.Scanner([(r'\d+', num), (r'[a-z]+', word), (r'\s+', None), (r'[+*]', lambda s, t: ('OP', t))])
print(sc.scan('abc 12 + 3 * x ?!'))
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([m.span() for m in re.finditer(r'(?=a)|a', 'aa')])
print([m.group() for m in re.finditer(r'\d*', 'a12b')])
print([(m.start(), m.lastindex) for m in re.finditer(r'(a)|(b)', 'xaby')])
p = re.compile(r'\w')
print([m.group() for m in p.finditer('abcd', 1, 3)], p.findall('abcd', 2), p.findall('abcd', 3, 1))
print(p.search('abc', -5), p.search('abc', 10), p.match('abc', 2, 100))
print(re.compile('').match('abc', 2, 1), re.compile('').search('abc', 5), re.compile('$').search('ab', 1))
