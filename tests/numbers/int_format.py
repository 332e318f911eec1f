# format() and %-formatting of ints
for spec in ["", "d", "5d", "<5d", "^7", "+d", " d", ",", "_", "08,", "010,", "x", "X", "#x", "#010x", "_x", "o", "#o", "b", "#b", "#012_b", "c", "n", "e", ".2f", "%", "*>8", "=+8"]:
    print(repr(spec), repr(format(1234, spec)), repr(format(-255, spec)) if spec != "c" else "")
print("%d %i %u %5d %-5d| %05d %+d % d" % (42, -42, 7, 3, 3, -42, 5, 5))
print("%x %X %#x %#X %o %#o %.5d %c" % (255, 255, 255, 255, 8, 8, 42, 65))
print("{:,} {:_} {:>10,}".format(10 ** 12, 10 ** 12, 12345))
for spec in ["abc", ",_", ",,", ".2", "z", ",c", "+c", "#c", "s", ".", "99999999999999999999"]:
    try:
        print(format(1, spec))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
