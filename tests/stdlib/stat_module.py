# stat uses the C _stat module: constants, S_IS*, S_IMODE, S_IFMT, filemode and errors.
import stat, _stat, os
print(stat.S_IMODE is _stat.S_IMODE, stat.filemode is _stat.filemode)
names = [n for n in dir(_stat) if n.isupper()]
print(len(names), [(n, getattr(_stat, n)) for n in sorted(names)])
for mode in [0o100644, 0o040755, 0o120777, 0o020666, 0o060660, 0o010600, 0o140700,
             0o104755, 0o102755, 0o101777, 0o041777, 0o107000, 0o170777, 0, 0o7777]:
    print(oct(mode), stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode),
          [f(mode) for f in (stat.S_ISDIR, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISREG,
                             stat.S_ISFIFO, stat.S_ISLNK, stat.S_ISSOCK, stat.S_ISDOOR,
                             stat.S_ISPORT, stat.S_ISWHT)])
st = os.stat(".")
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0], stat.S_ISREG(os.stat(__file__).st_mode))
for bad in [-1, 2 ** 40, 2 ** 70, "x", 1.5, None]:
    for f in (stat.S_ISDIR, stat.S_IMODE, stat.filemode):
        try:
            print(f(bad))
        except Exception as e:
            print(type(e).__name__, e)
print(stat.S_ISDIR(True), stat.filemode.__doc__, stat.S_ISDIR.__doc__, sep="\n")
print(_stat.__doc__[:60])
