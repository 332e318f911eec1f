# C extension modules loaded from shared objects: _testext.c is compiled here against the
# running interpreter's own headers and imported under several names (one PyInit_ each):
# single- and multi-phase init, module state, re-import, packages, and the errors.
import importlib, importlib.machinery, importlib.util, os, shutil, subprocess, sys
import tempfile, _imp

here = os.path.dirname(os.path.abspath(__file__))
suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
print("suffixes agree:", _imp.extension_suffixes() == importlib.machinery.EXTENSION_SUFFIXES)
print("suffix:", suffix.endswith("-311-%s-linux-gnu.so" % os.uname().machine))
if "krait" in suffix:   # Krait's C API headers are in the repository, CPython's installed
    cflags = ["-I" + os.path.join(here, "..", "..", "include"), "-D_GNU_SOURCE"]
else:
    import sysconfig
    cflags = ["-I" + sysconfig.get_paths()["include"]]

tmp = tempfile.mkdtemp()
def clean(s):
    return str(s).replace(tmp, "TMP").replace(suffix, "SUFFIX")

so = os.path.join(tmp, "_testext" + suffix)
subprocess.run(["cc", "-shared", "-fPIC", "-w"] + cflags + ["-o", so, os.path.join(here, "_testext.c")],
               check=True)
plain = os.path.join(tmp, "plain.c")
with open(plain, "w") as f:
    f.write("int plain_function(void) { return 1; }\n")
subprocess.run(["cc", "-shared", "-fPIC", "-o", os.path.join(tmp, "_testext_plain" + suffix),
                plain], check=True)
names = ["single", "multi", "badexec", "null", "raise", "unreported", "notmodule", "uninit",
         "missing", "caf\u00e9"]
for n in names:
    os.symlink(so, os.path.join(tmp, "_testext_" + n + suffix))
with open(os.path.join(tmp, "_testext_garbage" + suffix), "w") as f:
    f.write("not an ELF file\n")
pkg = os.path.join(tmp, "extpkg")
os.mkdir(pkg)
open(os.path.join(pkg, "__init__.py"), "w").close()
os.symlink(so, os.path.join(pkg, "_testext_single" + suffix))
sys.path.insert(0, tmp)

# ---- single-phase ----
import _testext_single as s1
print("single:", s1.__name__, s1.answer, s1.inits(), s1.__doc__)
print("  file:", clean(s1.__file__), "loader:", type(s1.__loader__).__name__)
print("  spec:", s1.__spec__.name, clean(s1.__spec__.origin), s1.__spec__.has_location)
print("  find_self:", s1.find_self())
print("  loader is_package:", s1.__loader__.is_package("_testext_single"),
      s1.__loader__.get_code("_testext_single"), s1.__loader__.get_source("_testext_single"))
s1.extra = "set later"
del sys.modules["_testext_single"]
import _testext_single as s2
print("re-import: new object", s2 is not s1, "inits", s2.inits(), "answer", s2.answer,
      "extra" in vars(s2))
print("  find_self:", s2.find_self())
s3 = importlib.reload(s2)
print("reload: same object", s3 is s2, "inits", s3.inits())

# ---- single-phase in a package: the module gets its full name ----
import extpkg._testext_single as ps
print("package:", ps.__name__, clean(ps.__file__), ps.answer)

# ---- multi-phase ----
import _testext_multi as m1
print("multi:", m1.__name__, m1.answer, m1.info(), m1.__doc__)
print("  bump:", m1.bump(), m1.bump(), m1.info())
print("  loader:", type(m1.__loader__).__name__, clean(m1.__file__))
m2 = importlib.reload(m1)
print("reload: same object", m2 is m1, "info", m1.info())
del sys.modules["_testext_multi"]
import _testext_multi as m3
print("re-import: new object", m3 is not m1, "info", m3.info(), "old", m1.info())
spec = importlib.util.find_spec("_testext_multi")
m4 = importlib.util.module_from_spec(spec)
print("module_from_spec before exec:", hasattr(m4, "answer"), hasattr(m4, "bump"))
spec.loader.exec_module(m4)
print("  after exec:", m4.answer, m4.info())

# ---- failures ----
def attempt(name):
    try:
        importlib.import_module(name)
    except Exception as e:
        print("%s: %s: %s" % (name, type(e).__name__, clean(e)))
        if isinstance(e, ImportError):
            print("   name=%r path=%s" % (e.name, clean(e.path)))
        if e.__cause__ is not None:
            print("   cause: %s: %s" % (type(e.__cause__).__name__, e.__cause__))
    else:
        print(name, "imported")
    print("   in sys.modules:", name in sys.modules)

for n in names[2:]:
    attempt("_testext_" + n)
attempt("_testext_plain")
attempt("_testext_garbage")
attempt("_testext_nonexistent")

# the C extension modules the interpreter ships as shared objects
for n in ("_hashlib", "_sqlite3", "_lzma", "_bz2", "readline"):
    mod = importlib.import_module(n)
    print(n, "builtin" if n in sys.builtin_module_names else "extension",
          type(mod.__spec__.loader).__name__, mod.__file__.endswith(suffix))
# their directory (lib-dynload) comes right after the standard library on sys.path
import _bz2
dynload = os.path.dirname(_bz2.__file__)
print(os.path.basename(dynload), sys.path.index(dynload) == sys.path.index(os.path.dirname(os.__file__)) + 1)
shutil.rmtree(tmp)
