import optparse, sys
p = optparse.OptionParser(usage="%prog [options] args", prog="prog", version="1.0")
p.add_option("-f", "--file", dest="filename", help="write to FILE", metavar="FILE")
p.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True)
p.add_option("-n", type="int", default=1)
p.add_option("--multi", action="append")
g = optparse.OptionGroup(p, "Extra"); g.add_option("--x", choices=["a", "b"]); p.add_option_group(g)
opts, args = p.parse_args(["-f", "out", "-q", "-n", "3", "--multi", "a", "--multi", "b", "pos"])
print(opts, args, opts.filename, opts.verbose)
print(p.format_help())
sys.stderr = sys.stdout
for argv in [["-n", "x"], ["--x", "c"], ["--version"]]:
    try:
        p.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code)
