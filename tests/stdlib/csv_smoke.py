import csv, io
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["a", "b,c", 'd"e', 1, 2.5, None])
w.writerows([["x", "y\nz"], []])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()))))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["n", "v"], quoting=csv.QUOTE_NONNUMERIC)
dw.writeheader(); dw.writerow({"n": "x", "v": 1}); print(repr(out.getvalue()))
print(list(csv.DictReader(io.StringIO("n,v\r\nx,1\r\ny,2\r\n"))))
print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter, csv.list_dialects())
try:
    list(csv.reader(['a,"b'], strict=True))
except csv.Error as e:
    print("Error:", e)
