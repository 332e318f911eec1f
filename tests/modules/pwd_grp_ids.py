import pwd, grp
for f, arg in [(pwd.getpwuid, 0), (grp.getgrgid, 0)]:
    print(f(arg)[0])
    for bad in (-2, 2**40, 2**70, -2**70, 1.5, "x", 2**32-1, -1):
        try: print(bad, f(bad)[0])
        except Exception as e: print(bad, type(e).__name__, e)
