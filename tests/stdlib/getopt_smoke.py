import getopt
print(getopt.getopt(["-a", "-b", "val", "--long=x", "--flag", "rest", "-c"], "ab:c", ["long=", "flag"]))
print(getopt.gnu_getopt(["x", "-a", "y", "--long", "z"], "a", ["long="]))
for args in [["-z"], ["--long"], ["--fl=3"]]:
    try:
        getopt.getopt(args, "a", ["long=", "flag"])
    except getopt.GetoptError as e:
        print(e, e.opt, e.msg)
