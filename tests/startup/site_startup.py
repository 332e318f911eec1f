# site is imported at start-up unless -S: site-packages on sys.path, exit/quit/help in builtins.
import os
import subprocess
import sys

print('site' in sys.modules, sys.flags.no_site)
print(sys.prefix, sys.exec_prefix, sys.base_prefix == sys.prefix)
import site
# the user site directory is on sys.path only when it exists on this machine: leave it out
print([p for p in sys.path if p.endswith('-packages') and not p.startswith(site.USER_BASE)])
print(site.ENABLE_USER_SITE, site.USER_BASE == os.path.expanduser('~/.local'))
print('/usr/lib/python3.11' in sys.path)
print(repr(exit), repr(quit))
print(type(help).__name__, type(copyright).__name__, type(credits).__name__)
print(hasattr(sys, '__interactivehook__'))

def run(*args):
    r = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    err = r.stderr.strip().splitlines()
    print(r.returncode, r.stdout.strip(), err[-1] if err else '')

run('-c', 'exit(5)')
run('-c', 'quit("bye")')
run('-S', '-c', 'import sys; print("site" in sys.modules, sys.flags.no_site)')
run('-S', '-c', 'exit(1)')
run('-I', '-c', 'import sys; print("site" in sys.modules, [p for p in sys.path if "-packages" in p])')
run('-s', '-c', 'import sys, site; print(sys.flags.no_user_site, site.ENABLE_USER_SITE)')
