import io, os, codecs
base = "/tmp/krait_io_codecs_%d" % os.getpid()
os.mkdir(base)
p = base + "/t.txt"
text = "héllo wörld\nzweite Zeile €\r\nthird — line\n" * 3 + "end 😀"
try:
    for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "utf-8-sig", "latin-1", "iso8859-15", "cp437", "utf-8"):
        try:
            with open(p, "w", encoding=enc, newline="") as f:
                n = f.write(text)
        except UnicodeEncodeError as e:
            print(enc, "UnicodeEncodeError", e.reason, e.start, e.end)
            with open(p, "w", encoding=enc, errors="replace", newline="") as f:
                n = f.write(text)
        with open(p, "rb") as f:
            raw = f.read()
        print(enc, n, len(raw), raw[:8])
        with open(p, encoding=enc, errors="replace") as f:
            lines = f.readlines()
            print(" ", len(lines), repr(lines[0]), repr(lines[-1]), f.newlines)
        with open(p, encoding=enc, errors="replace", newline="") as f:
            s = f.read()
            print(" ", s == text, len(s))
        # tell/seek round trip over every line
        with open(p, encoding=enc, errors="replace") as f:
            pos = []
            while True:
                t = f.tell()
                l = f.readline()
                if not l: break
                pos.append((t, l))
            ok = True
            for t, l in pos:
                f.seek(t)
                ok = ok and f.readline() == l
            print("  seek/tell", ok, len(pos))
    # append to utf-16 / utf-8-sig: no second BOM
    for enc in ("utf-16", "utf-8-sig", "utf-32"):
        with open(p, "w", encoding=enc) as f:
            f.write("a")
        with open(p, "a", encoding=enc) as f:
            f.write("b")
        with open(p, "rb") as f:
            print(enc, "append", f.read())
        with open(p, "r+", encoding=enc) as f:
            f.seek(0, 2); f.write("c")
        with open(p, encoding=enc) as f:
            print(" ", repr(f.read()))
    # small chunk size: multi-byte sequences split across buffer boundaries
    for enc in ("utf-8", "utf-16", "utf-32", "utf-8-sig", "cp1252"):
        data = text.encode(enc, "replace")
        for cs in (1, 2, 3, 5, 7):
            t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, errors="replace", newline="")
            t._CHUNK_SIZE = cs
            out = []
            while True:
                c = t.read(3)
                if not c: break
                out.append(c)
            s = "".join(out)
            b = io.BufferedReader(io.BytesIO(data), buffer_size=cs if cs > 1 else 1)
            t2 = io.TextIOWrapper(b, encoding=enc, errors="replace")
            t2._CHUNK_SIZE = cs
            print(enc, cs, s == data.decode(enc, "replace"), len(list(t2)))
    # incremental decoder objects
    d = codecs.getincrementaldecoder("utf-8")()
    print([d.decode(bytes([x])) for x in "é€😀".encode()], d.decode(b"", True))
    nd = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-16")(), True)
    data = "a\r\nb\rc\n".encode("utf-16")
    print([nd.decode(data[i:i+1]) for i in range(len(data))], nd.newlines, nd.getstate())
    # decode errors
    with open(p, "wb") as f:
        f.write(b"ok\xff\xfebad\x80line\n")
    for errors in ("strict", "replace", "ignore", "surrogateescape", "backslashreplace"):
        try:
            with open(p, encoding="utf-8", errors=errors) as f:
                print(errors, ascii(f.read()))
        except UnicodeDecodeError as e:
            print(errors, "UnicodeDecodeError", e)
    try:
        open(p, encoding="nope")
    except LookupError as e:
        print("LookupError", e)
    try:
        open(p, encoding="rot13")
    except LookupError as e:
        print("LookupError", e)
finally:
    for n in os.listdir(base):
        os.remove(base + "/" + n)
    os.rmdir(base)
