# open() argument checking and error messages, as CPython's.
import _io
def t(*a, **k):
    try:
        r = _io.open(*a, **k)
        print("ok", r)
        r.close()
    except Exception as e:
        print(type(e).__name__, e)
t("x", "z"); t("x", "rr"); t("x", "rw"); t("x", ""); t("x", "b"); t("x", "tb")
t("/nonexistent/file"); t("/tmp", "r"); t(1.5); t([])
t("x", "rb", encoding="utf-8"); t("x", "rb", errors="x"); t("x", "rb", newline="\n")
t("/dev/null", "r", buffering=0)
t("/dev/null", "r", newline="x")
t(-1)
f = _io.open("/dev/null", "rb")
for m in ("write", "fileno", "readable"):
    try:
        print(m, getattr(f, m)(b"x") if m == "write" else getattr(f, m)())
    except Exception as e:
        print(type(e).__name__, e)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
print(f.closed, f)
s = _io.StringIO()
s.close()
try:
    s.write("x")
except ValueError as e:
    print(e)
try:
    _io.StringIO(1)
except TypeError as e:
    print(e)
try:
    _io.StringIO().write(b"x")
except TypeError as e:
    print(e)
try:
    _io.BytesIO().write("x")
except TypeError as e:
    print(e)
