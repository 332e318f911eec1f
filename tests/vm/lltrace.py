# __lltrace__ in a frame's globals: each instruction with the stack before it, and every
# push and pop ("push <repr>" / "pop <repr>") as the low-level trace prints them.
# The trace is Krait's (CPython prints it only in debug builds), so this test captures it
# (os.dup2 into a pipe) and checks it from inside; the printed verdict is the same on
# python3.11, whose release build prints no trace.
import os
import sys

src = '''
def sub(x):
    return x - 5
y = sub(a)
for i in (1, 2):
    y += i
'''
code = compile(src, '<lltrace>', 'exec')
r, w = os.pipe()
sys.stdout.flush()
saved = os.dup(1)
os.dup2(w, 1)
try:
    exec(code, {'__lltrace__': 1, 'a': 10})
finally:
    sys.stdout.flush()
    os.dup2(saved, 1)
    os.close(w)
data = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    data += chunk
lines = data.decode().splitlines()
problems = []
if sys.implementation.name == 'krait':
    pushes = [l for l in lines if l.startswith('push ')]
    pops = [l for l in lines if l.startswith('pop ')]
    instrs = [l for l in lines if l.split(':')[0].isdigit()]
    for want in ('push 10', 'push 5', 'push 1', 'push 2', 'push 6', 'push 8'):
        if want not in pushes:
            problems.append('missing ' + want)
    for want in ('pop 10', 'pop 5'):
        if want not in pops:
            problems.append('missing ' + want)
    if not any('LOAD_CONST' in l for l in instrs):
        problems.append('no instructions')
    if not any(l.startswith('  stack=[') for l in lines):
        problems.append('no stack lines')
elif lines:
    problems.append('unexpected output')
print('low-level trace ok' if not problems else problems)
