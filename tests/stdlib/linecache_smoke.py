import linecache, os, tempfile
d = tempfile.mkdtemp(); p = os.path.join(d, "m.py")
with open(p, "w") as f:
    f.write("line1\nline2\nline3\n")
print(repr(linecache.getline(p, 2)), repr(linecache.getline(p, 9)), len(linecache.getlines(p)))
with open(p, "w") as f:
    f.write("changed\n")
linecache.checkcache(p); print(repr(linecache.getline(p, 1)))
linecache.clearcache(); print(repr(linecache.getline("/nonexistent/zz.py", 1)))
print(linecache.getline(__file__, 1).startswith("import linecache"))
linecache.lazycache("fake", {"__name__": "fake", "__loader__": None}); print(linecache.getline("fake", 1) == "")
os.remove(p); os.rmdir(d)
