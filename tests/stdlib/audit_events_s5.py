# Audit events added in session 5 (test_audit): compile/exec for source strings and code,
# open (FileIO and its mode/flags), socket.*, sqlite3.connect(/handle), sys.excepthook,
# syslog.setlogmask's int argument; hooks run untraced unless __cantrace__; the hook list
# is not reachable from gc.get_objects().
import gc, os, socket, sqlite3, subprocess, sys, tempfile
import encodings.idna, stringprep   # imported before the hook (their imports differ)
tempfile.gettempdir()

seen = []
def hook(event, args):
    if event.split('.')[0] in ('compile', 'exec', 'open', 'socket', 'sqlite3'):
        seen.append((event, args))
sys.addaudithook(hook)

def show(title):
    print(title)
    for event, args in seen:
        out = []
        for a in args:
            if isinstance(a, (str, bytes, int)) or a is None:
                out.append(repr(a) if not (isinstance(a, str) and a.startswith(tempfile.gettempdir())) else 'PATH')
            else:
                out.append(type(a).__name__)
        print('  ', event, out)
    seen.clear()

eval("1 + 1")
exec("x = 2")
co = compile("3", "name", "eval")
eval(co)
compile(b"4", "bytes", "exec")
show("compile/exec")

path = os.path.join(tempfile.mkdtemp(), 'f.txt')
with open(path, 'w') as f:
    f.write('x')
with open(path, 'rb') as f:
    pass
with open(path, 'a+', encoding='utf-8') as f:
    pass
fd = os.open(path, os.O_RDONLY)
with open(fd, 'rb', closefd=True):
    pass
try:
    open(path, 'w', -1, None, None, None, True, lambda p, fl: 1 / 0)
except ZeroDivisionError:
    print('opener called with 8 positional arguments')
show("open")

socket.gethostname()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.close()
socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)
socket.gethostbyname('127.0.0.1')
show("socket")

cx1 = sqlite3.connect(":memory:")
cx2 = sqlite3.Connection(":memory:")
show("sqlite3")

for o in gc.get_objects():
    if isinstance(o, list) and any(x is hook for x in o):
        print("hook list reachable through gc")

traced = []
def trace(frame, event, arg):
    if frame.f_code is Tracer.__call__.__code__:
        traced.append(event)
class Tracer:
    def __call__(self, event, args):
        pass
tr = Tracer()
sys.addaudithook(tr)
sys.settrace(trace)
eval("1")
tr.__cantrace__ = True
eval("2")
tr.__cantrace__ = 0
eval("3")
sys.settrace(None)
print("traced hook calls:", traced)

code = r'''
import sys
def hook(event, args):
    if event == "sys.excepthook":
        print(event, args[0] is sys.excepthook, args[1].__name__, repr(args[2]), args[3] is not None)
    if event == "syslog.setlogmask":
        print(event, args)
sys.addaudithook(hook)
import syslog
syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
sys.excepthook = lambda *a: print("hook ran")
raise RuntimeError("fatal")
'''
r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
print(r.returncode, r.stdout, r.stderr)
