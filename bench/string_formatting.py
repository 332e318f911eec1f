# string_formatting: f-strings, str.format, %-formatting and format specs.
def fmt(n):
    total = 0
    for i in range(n):
        x = i * 1.5
        a = f"{i:>8} | {x:10.3f} | {i:#x} | {i:,} | {'name'}{i % 7}"
        b = "{0:<6}{1:^10.2e}{2!r}".format(i, x, str(i))
        c = "%5d %-8s %.4f %x" % (i, "py" * (i % 3), x, i)
        d = f"{i!r}{x=:.1f}{i / 3:.2%}"
        total += len(a) + len(b) + len(c) + len(d)
    return total


print(fmt(400000))
