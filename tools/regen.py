#!/usr/bin/env python3
"""regen.py — rebuild every generated file (`make regen`).

Runs, in order: tools/asdl_c.py (parser: include/pycore_ast.h and src/parser/Python-ast.c
from src/parser/Python.asdl) and tools/gen_opcode.py (compiler-vm: lib/opcode.py from
include/opcode.h) and tools/gen_help.py (src/runtime/help_texts.h from python3.11's
--help-env/--help-xoptions) and tools/gen_type_docs.py (src/objects/type_docs.h: the built-in
types' docstrings and text signatures from python3.11).  A generator that does not exist yet is reported and skipped."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATORS = [
    ["tools/asdl_c.py"],
    ["tools/gen_opcode.py"],
    ["tools/gen_help.py"],
    # (script, stdout file): generators that print their output
    ["tools/gen_type_docs.py", ">src/objects/type_docs.h"],
]


def main():
    status = 0
    for cmd in GENERATORS:
        script = os.path.join(ROOT, cmd[0])
        if not os.path.exists(script):
            print(f"regen: {cmd[0]} not found, skipped")
            continue
        args = [a for a in cmd[1:] if not a.startswith(">")]
        outs = [a[1:] for a in cmd[1:] if a.startswith(">")]
        if outs:
            with open(os.path.join(ROOT, outs[0] + ".tmp"), "w") as out:
                r = subprocess.run([sys.executable, script] + args, cwd=ROOT, stdout=out)
            if r.returncode == 0:
                os.replace(os.path.join(ROOT, outs[0] + ".tmp"), os.path.join(ROOT, outs[0]))
        else:
            r = subprocess.run([sys.executable, script] + args, cwd=ROOT)
        if r.returncode != 0:
            print(f"regen: {cmd[0]} failed with status {r.returncode}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
