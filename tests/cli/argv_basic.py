import sys
print(sys.argv)
print(type(sys.orig_argv).__name__, sys.flags.optimize, sys.flags.isolated)
print(sys.version_info[:2], sys.version_info.major, sys.hexversion == 0x030B07F0)
print(sys.maxsize, sys.byteorder, sys.platform, sys.maxunicode)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout.encoding, sys.stderr.errors)
print(__name__, __file__.endswith("argv_basic.py"))
