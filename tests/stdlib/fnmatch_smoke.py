import fnmatch
names = ["a.py", "b.PY", "test_x.py", "readme", "x[1]", ".git", "dir/f.c"]
for pat in ["*.py", "*.[pP][yY]", "test_*", "?eadme", "x[[]1]", "[!a]*", "*", "dir/*", "*.c"]:
    print(pat, fnmatch.filter(names, pat), fnmatch.translate(pat))
print(fnmatch.fnmatch("A.PY", "*.py"), fnmatch.fnmatchcase("A.PY", "*.py"), fnmatch.fnmatchcase("a.py", "*.py"))
