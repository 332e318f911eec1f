# Flags I/M/S/X/A/L and inline flags, scoped flags, case-insensitive classes.
import re

print(re.findall(r'^\w+$', 'one\ntwo\nthree', re.M), re.findall(r'^\w+$', 'one\ntwo'))
print(re.findall(r'\w+$', 'a1\nb2\n'), re.findall(r'(?m)\w+$', 'a1\nb2\n'))
print(re.search(r'a.b', 'a\nb'), re.search(r'a.b', 'a\nb', re.S).span())
print(re.match(r'HeLLo', 'hello', re.I).group(), re.match(r'[a-z]+', 'HeLLo', re.I).group())
print(re.match(r'[^a-z]+', 'ABC', re.I), re.match(r'[^a-z]+', '123abc', re.I).group())
print(re.match(r'(?i)straße', 'STRASSE'), re.match(r'(?i)ΣΑΣ', 'σας').group())
print(re.match(r'(?i)k', '\u212a').group(), re.match(r'(?ia)k', '\u212a'))
print(re.match(r'(?i)[k]', '\u212a').group(), re.match(r'(?i)[j-l]+', 'K\u212ak').group())
print(re.match(r'(?i)ſ', 'S').group(), re.match(r'(?i)[ſ]', 's').group())
print(re.findall(r'\w+', 'héllo wörld 123', re.A), re.findall(r'\w+', 'héllo wörld 123'))
print(re.findall(r'\d', '1٣۴', re.A), re.findall(r'\d', '1٣۴'))
print(re.findall(r'\s', 'a\tb\u00a0c\u2003d'), re.findall(r'\s', 'a\tb\u00a0c', re.A))
p = re.compile(r'''
    (\d{3})   # area
    [-\s]?    # sep
    (\d{4})   # number
''', re.X)
print(p.match('555-1234').groups(), p.match('555 1234').groups())
print(re.match(r'a(?i:b)c', 'aBc'), re.match(r'a(?i:b)c', 'aBC'))
print(re.match(r'(?i)a(?-i:b)c', 'AbC'), re.match(r'(?i)a(?-i:b)c', 'ABC'))
print(re.match(r'(?s:.)(.)', '\n\n'), re.match(r'(?x) a b # comment', 'ab').group())
print(re.search(r'\bfoo\b', 'a foo b').span(), re.search(r'\Bfoo', 'afoo').span(), re.search(r'\bfoo', 'afoo'))
print(re.search(r'\Aab', 'ab'), re.search(r'ab\Z', 'ab\n'), re.search(r'ab$', 'ab\n').span())
print(re.search(r'\bé', ' é').span(), re.search(r'\bé', ' é', re.A))
print(re.match(rb'(?i)abc', b'ABC').group(), re.match(rb'(?L)\w+', b'abc').group())
print(re.findall(rb'\w+', b'caf\xe9 ok'), re.findall(rb'(?i)[a-c]', b'AbCd'))
print(re.compile('a', re.I | re.M).flags, re.compile(b'a').flags, re.compile('(?s)a').flags)
print(re.match(r'[\w-]+', 'a-b_c d').group(), re.match(r'[^\W\d]+', 'abc1').group())
print(re.findall(r'[\s\S]', 'a\n'), re.findall(r'[.]', 'a.b'))
print(re.match(r'(?i)[^\u00e0-\u00ff]', '\u00c0'), re.match(r'(?i)[\u00e0-\u00ff]', '\u00c0').group())
print(re.findall(r'(?i)[ǅ]', 'ǄǅǆX'), re.findall(r'(?i)ǅ', 'ǄǅǆX'))
