# Many generated patterns against many subjects: every result (span and groups, or the
# error) is printed, so any engine difference from CPython shows up in the output.
import re

seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return (seed >> 8) % n

ATOMS = ['a', 'b', 'c', '.', '[ab]', '[^a]', r'\w', r'\b', '^', '$', '(?:ab|a)', r'\d', 'x?']
def gen(depth):
    parts = []
    for _ in range(1 + rnd(3)):
        k = rnd(10)
        if depth > 0 and k < 3:
            inner = gen(depth - 1)
            kind = rnd(7)
            if kind == 0:
                parts.append('(' + inner + ')')
            elif kind == 1:
                parts.append('(?:' + inner + '|' + gen(depth - 1) + ')')
            elif kind == 2:
                parts.append('(?=' + inner + ')')
            elif kind == 3:
                parts.append('(?!' + inner + ')')
            elif kind == 4:
                parts.append('(?>' + inner + ')')
            elif kind == 5:
                parts.append('(' + inner + '|' + gen(depth - 1) + ')')
            else:
                parts.append('(?:' + inner + ')')
        else:
            parts.append(ATOMS[rnd(len(ATOMS))])
        q = rnd(12)
        if q < 5:
            parts[-1] += ['*', '+', '?', '*?', '+?', '??', '{1,2}', '{2}', '*+', '++', '{0,2}?'][rnd(11)]
    return ''.join(parts)

SUBJECTS = ['', 'a', 'ab', 'ba', 'aab', 'abab', 'abcab', 'bbba', 'a1b2', 'aaaa', 'abc abc']
for i in range(400):
    pat = gen(3)
    try:
        p = re.compile(pat)
    except re.error as e:
        print(i, pat, 'error', e)
        continue
    res = []
    for s in SUBJECTS:
        m = p.search(s)
        res.append(None if m is None else (m.span(),) + m.regs[1:] + (m.lastindex,))
        m = p.fullmatch(s)
        res.append(None if m is None else m.regs)
    res.append(p.findall('abcab a1b2 aab'))
    res.append(p.sub('-', 'abcab'))
    print(i, pat, res)
