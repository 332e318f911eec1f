# os.execv/execve argument checks (empty argv, empty first element, bad env names, embedded
# NUL): they must raise before exec, never run the program.
import os
tests = [lambda: os.execv('notepad', ()), lambda: os.execv('notepad', []), lambda: os.execv('notepad', ['']),
         lambda: os.execv('notepad', ('',)), lambda: os.execv('notepad', 'ab'),
         lambda: os.execve('x', [], {}), lambda: os.execve('x', [''], {}), lambda: os.execve('x', 'ab', {}),
         lambda: os.execve('/bin/true', ['a'], {'A\0B': 'c'}), lambda: os.execve('/bin/true', ['a'], {'A': 'c\0'}),
         lambda: os.execve('/bin/true', ['a'], {'A=B': 'c'}), lambda: os.execve('/bin/true', ['a'], {'': 'c'}),
         lambda: os.execve('/bin/true', ['a\0'], {}), lambda: os.execve('/bin/true', ['a'], 5),
         lambda: os.execv('/bin/true', [5]), lambda: os.execvpe('notepad', [], None),
         lambda: os.execvpe('notepad', [''], {}), lambda: os.execv('/nonexistent/x', ['x'])]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
