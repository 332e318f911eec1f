# regex_heavy: the re module on generated text: compiled patterns with groups, alternation,
# classes and quantifiers; search, match, findall, finditer, sub (string and function), split.
import re

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
         "kappa", "lambda", "mu"]


def make_text(n):
    x = 12345
    lines = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        w = WORDS[x % len(WORDS)]
        lines.append(f"{i:05d} {w}@host{x % 50}.example.com {x % 1000}.{x % 100:02d} "
                     f"2026-{x % 12 + 1:02d}-{x % 28 + 1:02d} key={w.upper()};v={x % 977}")
    return lines


EMAIL = re.compile(r"([a-z]+)@(host\d+)\.example\.com")
DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
NUM = re.compile(r"\b\d+\.\d+\b")
KV = re.compile(r"(\w+)=(\w+)")
ALT = re.compile(r"\b(?:alpha|gamma|eta|mu)\b")


def work(lines, rounds):
    total = 0
    for _ in range(rounds):
        for line in lines:
            m = EMAIL.search(line)
            total += len(m.group(1)) + int(m.group(2)[4:])
            d = DATE.search(line)
            total += int(d.group(2)) + int(d.group(3))
            total += len(NUM.findall(line))
            total += sum(len(k) + len(v) for k, v in KV.findall(line))
            if ALT.search(line):
                total += 1
            if re.match(r"\d+ [a-z]+@", line):
                total += 2
        text = "\n".join(lines[:300])
        total += len(DATE.sub(r"\3/\2/\1", text))
        total += len(KV.sub(lambda m: m.group(2) + "=" + m.group(1), text))
        total += len(re.split(r"[\s;=]+", text))
        total += sum(m.end() - m.start() for m in NUM.finditer(text))
    return total


print(work(make_text(2000), 60))
