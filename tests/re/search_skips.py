# The engine's shortcuts: ASCII category table (\d \w \s and \b against the Unicode
# tables), set scans for \d/\w/[a-z], the search loop skipping positions where the first
# test fails, and REPEAT_ONE stopping only where a literal after group marks can match.
# Results (spans, groups, lastindex) must equal the plain engine's.
import re

def show(pat, s, flags=0, pos=0, endpos=None):
    r = re.compile(pat, flags)
    e = len(s) if endpos is None else endpos
    out = []
    for m in r.finditer(s, pos, e):
        out.append((m.span(), m.groups(), m.lastindex))
    print(repr(pat), out)
    print("  findall", r.findall(s, pos, e), "split", r.split(s)[:8])

text = "00012 alpha@host7.example.com 345.06 2026-03-14 key=ALPHA;v=12 x_y=z9 _=_ \u00e9t\u00e9=\u0663\u0664"
for pat in [r"([a-z]+)@(host\d+)\.example\.com", r"(\d{4})-(\d\d)-(\d\d)", r"\b\d+\.\d+\b",
            r"(\w+)=(\w+)", r"\b(?:alpha|key|v)\b", r"[\s;=]+", r"\d+", r"\w+", r"\s+",
            r"\D+", r"\W+", r"\S+", r"\B\w", r"\b\w", r"x*", r"(a|b)*?c", r"(?:(\w)(\w))+=",
            r"((\w)\w*)=", r"(\w)+=", r"(?=\d)\d\d", r"^\w+", r"$", r"\b", r"(?m)^\d+",
            r"[^\W\d]+", r"[\d_]+", r"\w+(?=;)", r"(?<=\=)\w+", r"(\w+?)=", r"(\w)\1"]:
    show(pat, text)
show(r"(\w+)=(\w+)", text, pos=10, endpos=40)
show(r"\b\d+", text, re.ASCII)
show(r"\w+", text, re.ASCII)
show(r"[a-z]+", text, re.IGNORECASE)
show(r"\d+", "\u0661\u0662x\U0001d7ce\U0001d7cf 7\u00b2")
show(r"\w+", "\u4e2d\u6587 word\u00b2 \u2163x \U00010400y")
show(r"\s+", "a\x1c\x1d\x1e\x1f\x85\xa0\u2028b\u3000c\x0b\x0c")
show(r"\b\w", "\u00e9a b\u00e9 \u4e2d-x")
show(rb"(\w+)=(\w+)", b"k=v;key2=val\xe9")
show(rb"\b\d+", b"12 a34 5\xff6")
# groups whose marks are set in a failed attempt and read later
for pat, s in [(r"(a)?(?:(b)\w*)=", "ab=  b="), (r"((a)\w*)c|(\w)", "aaa"),
               (r"(?:(a)|b)\w*c", "bac ac"), (r"(x)?\w*?(y)", "xzzy"),
               (r"(a(b)?)+c", "aababc"), (r"(\w)*=", "ab= ="), (r"(?:(\w)\w)*=", "abc=")]:
    m = re.search(pat, s)
    print(pat, s, m and (m.span(), m.groups(), m.lastindex, m.lastgroup))
    print("  ", [(x.span(), x.groups()) for x in re.finditer(pat, s)])
print(re.sub(r"(\w+)=(\w+)", r"\2=\1", text))
print(re.sub(r"\b", "|", "ab c\u00e9"), re.sub(r"x*", "-", "abxd"))
print(re.subn(r"(\d{4})-(\d\d)", lambda m: m.group(2) + m.group(1), text))
print(re.fullmatch(r"\w+=\w+", "key=ALPHA"), re.match(r"\d+ [a-z]+@", text))
