#!/usr/bin/env python3
"""regen.py — rebuild every generated file (`make regen`).

Runs, in order: tools/asdl_c.py (parser: include/pycore_ast.h and src/parser/Python-ast.c
from src/parser/Python.asdl) and tools/gen_opcode.py (compiler-vm: lib/opcode.py from
include/opcode.h) and tools/gen_help.py (src/runtime/help_texts.h from python3.11's
--help-env/--help-xoptions).  A generator that does not exist yet is reported and skipped."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATORS = [
    ["tools/asdl_c.py"],
    ["tools/gen_opcode.py"],
    ["tools/gen_help.py"],
]


def main():
    status = 0
    for cmd in GENERATORS:
        script = os.path.join(ROOT, cmd[0])
        if not os.path.exists(script):
            print(f"regen: {cmd[0]} not found, skipped")
            continue
        r = subprocess.run([sys.executable, script] + cmd[1:], cwd=ROOT)
        if r.returncode != 0:
            print(f"regen: {cmd[0]} failed with status {r.returncode}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
