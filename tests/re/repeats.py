# Greedy and lazy quantifiers, bounded repeats, empty-match loops.
import re

s = '<a><b></b></a>'
print(re.findall(r'<.*>', s), re.findall(r'<.*?>', s))
print(re.match(r'a{2,3}', 'aaaa').group(), re.match(r'a{2,3}?', 'aaaa').group())
print(re.match(r'a{3}', 'aa'), re.match(r'a{,2}', 'aaa').group(), re.match(r'a{2,}', 'aaaaa').group())
print(re.match(r'(?:ab){2,3}', 'abababab').group(), re.match(r'(?:ab){2,3}?', 'abababab').group())
print(re.match(r'(?:a|b)*?c', 'ababc').group(), re.match(r'(?:a|bc)*', 'abcabcx').group())
print(re.match(r'(?:)*', 'x').span(), re.match(r'(?:a*)*', 'aab').span(), re.match(r'(?:a*)+?b', 'aab').span())
print(re.match(r'(a?)*?b', 'aab').groups(), re.match(r'(a*?)*b', 'aab').groups())
print(re.match(r'(?:x?)*y', 'xxy').span(), re.match(r'(?:x*?)+y', 'xxy').span())
print(re.match(r'.*?x', 'abcx').group(), re.match(r'.+?', 'abc').group())
print(re.match(r'[ab]*?b', 'aaab').group(), re.match(r'\d+?\d', '1234').group())
print(re.match(r'(\d+)(\d{2})', '12345').groups(), re.match(r'(\d+?)(\d{2})', '12345').groups())
print(re.match(r'a.{0,3}?z', 'a123z').group(), re.match(r'(.)*', 'abc').groups())
print(re.match(r'(?:(a)|(b))*', 'abab').groups(), re.match(r'(?:(a)|b)*', 'ab').groups())
print(re.match(r'(a){0}', 'a').span(), re.match(r'(?:a{2})*', 'aaaaa').span())
print(re.match('x*' * 20 + 'y', 'x' * 30 + 'y').span())
print(re.search(r'(a+)+b', 'a' * 18 + 'c'))
print(len(re.match(r'(?:a|b)*', 'ab' * 50000).group()))
print(len(re.match(r'(a|b)*c', 'ab' * 50000 + 'c').group()), re.match(r'(a|b)*?c', 'ab' * 30000 + 'c').span())
print(len(re.match(r'(?:(?:a)*?b)*', 'aab' * 20000).group()))
