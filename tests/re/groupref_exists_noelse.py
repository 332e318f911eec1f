# (?(group)yes) without an else branch: the then-part may end the pattern (the code
# validator used to reject it as "invalid SRE code").
import re

for pat, subjects in [
    (r'(a)(?(1)b)', ['ab', 'a', 'b', '']),
    (r'(?P<a1>x)(?P=a1)(?(a1)y)', ['xxy', 'xx', 'xy']),
    (r'(a)?(?(1)b)', ['ab', 'b', '']),
    (r'(a)?x(?(1)b)', ['axb', 'xb', 'ax']),
    (r'(?:(a)|b)(?(1)c)', ['ac', 'b', 'a']),
    (r'(a)|(?(1)b)', ['b', 'a']),
    (r'^(<)?(\w+)(?(1)>)$', ['<abc>', 'abc', '<abc', 'abc>']),
    (r'(a)(?(1)b|c)', ['ab', 'ac']),
    (r'(?P<g>a)?(?(g)b|c)$', ['ab', 'c', 'b']),
]:
    p = re.compile(pat)
    print(pat, [(m.group(0), m.groups()) if (m := p.match(s)) else None for s in subjects],
          p.findall(' '.join(subjects)))
for bad in [r'(?(1)a)', r'(a)(?(2)b)', r'(?(a)b)', r'(a)(?(1)b|c|d)']:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e)
