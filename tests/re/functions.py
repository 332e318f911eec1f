# findall / finditer / split / sub / subn / escape / purge.
import re

print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\d)(\w)', 'a1b22c333'))
print(re.findall(r'', 'abc'), re.findall(r'a*', 'baaac'), re.findall(r'x*', ''))
print([m.span() for m in re.finditer(r'\w+', 'hi there you')])
print([m.group() for m in re.finditer(r'a|', 'bab')])
print(re.split(r',\s*', 'a, b,c ,  d'), re.split(r'(,)', 'a,b,c'), re.split(r'x', 'abc'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'(\W+)', '...words, words...'))
print(re.split(r'', 'abc'), re.split(r'x*', 'axbc'), re.split(r'(?:a)|(b)', 'cabd'))
print(re.split(r'\b', 'a b'), re.split(r'^$', 'foo\n\nbar\n', flags=re.M))
print(re.sub(r'\d', '#', 'a1b2c3'), re.sub(r'\d', '#', 'a1b2c3', 2), re.subn(r'\d', '#', 'a1b2c3'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'ab cd'), re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'))
print(re.sub(r'a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'', '-', 'abc'), re.subn(r'x*', '-', ''))
print(re.sub(r'a', r'\n', 'bab'), repr(re.sub(r'a', '\\\\', 'bab')), re.sub('a', r'\t', 'a'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'), re.split(rb',', b'a,b'))
print(re.sub('a', 'b', 'aaa', count=1), re.subn('(a)', r'\1\1', 'aXa'))
print(re.escape('a.b*c?d[e]f(g)h{i}j|k^l$m\\n o-p#q&r~s'), re.escape(b'a.b'))
def repl(m):
    return str(int(m.group()) * 2)
print(re.sub(r'\d+', repl, 'x10 y20 z3'))
it = re.finditer(r'\d', 'a1b2')
print(next(it).group(), next(it).group(), next(it, None))
p = re.compile(r'\d')
sc = p.scanner('1a2')
print(sc.match().group(), sc.match(), sc.match(), sc.pattern is p)
sc = p.scanner('1a2')
print(sc.search().group(), sc.search().group(), sc.search())
try:
    re.sub('a', r'\9', 'a')
except re.error as e:
    print('error', e)
try:
    re.compile('(')
except re.error as e:
    print('error', e, e.pos)
print(re.sub('(?P<x>a)', lambda m: m.expand(r'\g<x>!'), 'aba'))
print(re.findall(r'(a)(b)?', 'ab a'), re.findall(r'(?:a)', 'aa'))
print(re.compile(r'\d+').fullmatch('123', pos=1), re.compile(r'\d+').fullmatch('123', 1, 2))
