# str % args
print("%s and %r and %a" % ("a", "b", "é"), "%(x)s-%(y)d" % {"x": "X", "y": 3}, "%-5s|%5s|" % ("ab", "cd"), "%.3s" % "abcdef")
print("%05d %+d % d %x %X %#x %o %#o %c %c %%" % (-42, 5, 5, 255, 255, 255, 8, 8, "x", 0x263A))
print("%5.1f%%" % 99.5, "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159), "%s" % (1,), "%s" % [1, 2], "%d" % 3.99, "%i" % True)
print("%(a)s %(a)r" % {"a": "z"}, "%s %s" % ("only", "two"), "%c" % 65, "%5c|" % "y", "%-3c|" % 66)
for f in [lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%z" % 1, lambda: "%(a)s" % (1,),
          lambda: "%c" % "ab", lambda: "%c" % -1, lambda: "%x" % 1.5, lambda: "%" % (), lambda: "%*d" % ("a", 1)]:
    try:
        print(f())
    except (ValueError, TypeError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
