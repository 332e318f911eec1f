# os.path (posixpath): pure path manipulation plus a few filesystem queries
import os.path as P
for p in ["/a/b/c.txt", "a/b/", "/", "", "a", "//a//b", "./x/../y", "~/f", "/a/b.tar.gz", ".bashrc"]:
    print(repr(p), P.split(p), P.splitext(p), P.basename(p), P.dirname(p), P.isabs(p), P.normpath(p) if p else '')
print(P.join("a", "b", "c"), P.join("/a", "/b"), P.join("a", ""), P.join("", "x"))
print(P.commonprefix(["/usr/lib", "/usr/local", "/usr/li"]), P.commonpath(["/usr/lib", "/usr/local"]))
print(P.relpath("/a/b/c", "/a/d"), P.relpath("/a", "/a"))
print(P.normcase("AbC"), P.splitdrive("/x/y"), P.expanduser("~root"))
print(P.expandvars("$NOPE_X/${NOPE_Y}"), P.exists("/"), P.isdir("/"), P.isfile("/"), P.lexists("/nonexistent_z"))
print(P.abspath("/a/./b/../c"), P.realpath("/") , P.samefile(".", "."))
print(P.getsize(__file__) > 0, P.sep, P.splitext(b"/x/y.z"), P.join(b"a", b"b"))
try:
    P.join("a", b"b")
except TypeError as e:
    print(e)
