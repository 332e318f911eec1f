import argparse, sys
p = argparse.ArgumentParser(prog="tool", description="A tool.", epilog="Bye.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-n", type=int, default=3, choices=[1, 2, 3], help="number")
p.add_argument("--name", required=False, metavar="NAME")
p.add_argument("--flag", action="store_true")
g = p.add_mutually_exclusive_group(); g.add_argument("--a", action="store_const", const=1); g.add_argument("--b", action="append")
print(p.parse_args(["x", "y", "-vv", "-n", "2", "--name=z", "--flag", "--b", "1", "--b", "2"]))
print(p.parse_known_args(["--unknown", "q"]))
print(p.format_usage()); print(p.format_help())
sub = argparse.ArgumentParser(prog="git"); sp = sub.add_subparsers(dest="cmd")
c = sp.add_parser("commit"); c.add_argument("-m")
print(sub.parse_args(["commit", "-m", "msg"]))
class Exit(Exception): pass
def err(msg): raise Exit(msg)
for argv in [["-n", "7"], ["-n", "x"], ["--a", "--b", "1"]]:
    p.error = err
    try:
        p.parse_args(argv)
    except Exit as e:
        print("error:", e)
sys.stderr = sys.stdout
try:
    argparse.ArgumentParser(prog="p").parse_args(["--zzz"])
except SystemExit as e:
    print("exit", e.code)
