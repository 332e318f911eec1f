import configparser, io
cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
base = /srv
[app]
path = %(base)s/app
port = 8080
debug = yes
ratio = 0.5
; comment
[empty]
""")
print(cp.sections(), cp["app"]["path"], cp.getint("app", "port"), cp.getboolean("app", "debug"), cp.getfloat("app", "ratio"))
print(cp.get("app", "missing", fallback="fb"), cp.has_option("app", "base"), sorted(cp["app"]), cp.items("app", raw=True))
cp["new"] = {"k": "v"}; cp.set("app", "port", "9090"); cp.remove_option("app", "ratio")
out = io.StringIO(); cp.write(out); print(out.getvalue())
for bad in ["[s]\na=1\na=2\n", "no section\n", "[s]\n[s]\n"]:
    try:
        configparser.ConfigParser().read_string(bad)
    except configparser.Error as e:
        print(type(e).__name__, e)
raw = configparser.RawConfigParser(); raw.read_dict({"s": {"x": "%(y)s"}}); print(raw.get("s", "x"))
try:
    cp.get("nosuch", "k")
except configparser.NoSectionError as e:
    print(e)
