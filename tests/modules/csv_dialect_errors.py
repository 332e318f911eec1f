# csv dialect validation messages: escapechar/quotechar accept str or None, delimiter str.
import csv

for kw in [dict(escapechar=b"\\"), dict(escapechar=4), dict(escapechar=""), dict(escapechar="ab"),
           dict(escapechar=None), dict(quotechar=4), dict(quotechar=""), dict(quotechar="''"),
           dict(quotechar=None, quoting=csv.QUOTE_NONE), dict(quotechar=None),
           dict(delimiter=4), dict(delimiter=None), dict(delimiter=""), dict(delimiter="ab")]:
    class D(csv.Dialect):
        delimiter = ","
        quotechar = '"'
        escapechar = None
        doublequote = True
        skipinitialspace = False
        lineterminator = "\r\n"
        quoting = csv.QUOTE_MINIMAL
    for k, v in kw.items():
        setattr(D, k, v)
    try:
        d = D()
        print(kw, "ok", repr(d.escapechar), repr(d.quotechar))
    except csv.Error as e:
        print(kw, "csv.Error", e)
    try:
        csv.reader([], **kw)
        print(kw, "reader ok")
    except (TypeError, csv.Error) as e:
        print(kw, type(e).__name__, e)
