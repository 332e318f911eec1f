# parse_stdlib: the front end on real code — ast.parse() (tokenizer, parser, AST objects)
# and compile() (parser, symtable, compiler) of every third top-level module of
# /usr/lib/python3.11, in sorted order.  The files are read before the timed part.
# `parse_stdlib.py parse` or `... compile` runs one phase; `-v` prints each phase's time
# to stderr.  Checksum: files, top-level statements, lines, code objects made.
import ast
import os
import sys
import time

STDLIB = "/usr/lib/python3.11"


def sources():
    names = sorted(n for n in os.listdir(STDLIB) if n.endswith(".py"))[::3]
    out = []
    for n in names:
        with open(os.path.join(STDLIB, n), "rb") as f:
            out.append((n, f.read()))
    return out


def parse_all(srcs):
    stmts = lines = 0
    for name, src in srcs:
        tree = ast.parse(src, name)
        stmts += len(tree.body)
        if tree.body:
            lines += tree.body[-1].end_lineno
    return stmts, lines


def count_code(co):
    return 1 + sum(count_code(c) for c in co.co_consts if hasattr(c, "co_code"))


def compile_all(srcs):
    codes = 0
    for name, src in srcs:
        codes += count_code(compile(src, name, "exec", dont_inherit=True))
    return codes


def main():
    phases = [a for a in sys.argv[1:] if a in ("parse", "compile")] or ["parse", "compile"]
    verbose = "-v" in sys.argv
    srcs = sources()
    result = [len(srcs)]
    for phase in phases:
        t = time.perf_counter()
        if phase == "parse":
            result.extend(parse_all(srcs))
        else:
            result.append(compile_all(srcs))
        if verbose:
            print("%s: %.3f s" % (phase, time.perf_counter() - t), file=sys.stderr)
    print(*result)


main()
