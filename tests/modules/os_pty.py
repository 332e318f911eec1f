# os.openpty / forkpty (through pty.fork) / login_tty / ctermid / process groups.
import os
import pty
import sys

m, s = os.openpty()
print(os.isatty(m), os.isatty(s), os.get_inheritable(m), os.get_inheritable(s))
print(os.ttyname(s).startswith('/dev/pts/'))
os.close(m)
os.close(s)
print(os.ctermid())
print(os.getpgid(0) == os.getpgrp())
try:
    os.tcgetpgrp(-1)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.setpgid(0, -5)
except OSError as e:
    print(type(e).__name__, e.errno)

pid, fd = pty.fork()
if pid == 0:
    print('child', os.isatty(0), os.isatty(1), os.getsid(0) == os.getpid())
    sys.stdout.flush()
    os._exit(3)
out = b''
while True:
    try:
        d = os.read(fd, 100)
    except OSError:
        break
    if not d:
        break
    out += d
print(out.replace(b'\r', b''), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for name in ('openpty', 'forkpty', 'login_tty', 'ctermid', 'tcgetpgrp', 'tcsetpgrp', 'setpgid'):
    print(name, getattr(os, name).__text_signature__)
