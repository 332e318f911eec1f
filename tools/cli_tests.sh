#!/bin/bash
# cli_tests.sh — compares Krait's command line with python3.11's: for each case, runs
# both with the same arguments and compares stdout, stderr (each interpreter's own path
# replaced by "PROG") and the exit status.  Usage: tools/cli_tests.sh [path/to/krait]
KRAIT=$(realpath "${1:-build/krait}")
PY=/usr/bin/python3.11
PYREAL=$($PY -c 'import sys; print(sys.executable)')
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
printf 'import sys\nprint(sys.argv)\n' > args.py
printf 'raise SystemExit(4)\n' > exit4.py
printf 'print("from stdin")\n' > stdin.py
mkdir -p pkg && printf 'print("main of pkg", __name__)\n' > pkg/__main__.py && touch pkg/__init__.py
printf 'print("mod", __name__)\n' > runme.py
pass=0; fail=0
run_case() {   # name, stdin file, args...
    local name=$1 in=$2; shift 2
    for who in krait py; do
        local exe=$KRAIT; [ $who = py ] && exe=$PY
        env -u PYTHONUNBUFFERED -u PYTHONDONTWRITEBYTECODE PYTHONHASHSEED=0 \
            "$exe" "$@" < "$in" > "$who.out" 2> "$who.err"; echo $? > "$who.rc"
        sed -i -e "s|$exe|PROG|g" -e "s|$PYREAL|PROG|g" "$who.out" "$who.err"
    done
    if cmp -s krait.out py.out && cmp -s krait.err py.err && cmp -s krait.rc py.rc; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1)); echo "FAIL: $name ($*)"
        diff <(cat py.out py.err py.rc) <(cat krait.out krait.err krait.rc) | head -10
    fi
}
run_case version /dev/null -V
run_case version-long /dev/null --version
run_case c-argv /dev/null -c 'import sys; print(sys.argv)' a b
run_case combined-uc /dev/null -uc 'print(1)'
run_case script-argv /dev/null args.py x y
run_case dash-stdin stdin.py - q
run_case stdin-script stdin.py
run_case exit-code /dev/null exit4.py
run_case missing /dev/null nosuchfile.py
run_case unknown-short /dev/null -z
run_case unknown-long /dev/null --frobnicate
run_case c-missing-arg /dev/null -c
run_case X-missing-arg /dev/null -X
run_case dashdash /dev/null -- args.py z
run_case m-module /dev/null -m runme
run_case m-package /dev/null -m pkg
run_case m-missing /dev/null -m no_such_mod_xyz
run_case isolated-flags /dev/null -I -c 'import sys; print(sys.flags.isolated, sys.flags.ignore_environment)'
run_case optimize /dev/null -OO -c 'import sys; print(sys.flags.optimize, __debug__)'
run_case exit-str /dev/null -c 'import sys; sys.exit("bye")'
run_case exception-rc /dev/null -c '1/0'
run_case directory /dev/null .
run_case help /dev/null -h
run_case W-error /dev/null -W error -c 'import _warnings; _warnings.warn("boom")'
run_case W-ignore /dev/null -W ignore -c 'import _warnings; _warnings.warn("quiet"); print("ok")'
run_case W-default /dev/null -c 'import _warnings; _warnings.warn("shown")'
run_case W-category /dev/null -W error::DeprecationWarning -c 'import _warnings; _warnings.warn("u"); _warnings.warn("d", DeprecationWarning)'
# The REPL on a pseudo-terminal (script(1)): prompts, blocks closed by a blank line,
# errors, expression results; the first line of output (the echoed input) is dropped.
printf 'x = 1\nx + 1\nif x:\n    print("yes")\n\n\n1/0\ndef f():\n    return 5\n\nf()\nif x: print(2)\n\nx = [\n  1]\nx\n' > repl.in
if command -v script > /dev/null; then
    for who in krait py; do
        exe=$KRAIT; [ $who = py ] && exe=$PY
        script -qc "$exe -q" /dev/null < repl.in 2>&1 | tr -d '\r' | sed -e '1,/^f()$/d' -e 's/\^D$//' > $who.repl
    done
    if cmp -s krait.repl py.repl; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: repl"; diff py.repl krait.repl | head -10; fi
fi
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
