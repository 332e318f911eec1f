# os process functions asyncio and subprocess rely on: pidfd_open, waitid, wait3/wait4,
# posix_spawn/posix_spawnp with file actions, confstr and the sched_* family.
import os
import select
import sys

pid = os.fork()
if pid == 0:
    os._exit(7)
fd = os.pidfd_open(pid)
print("pidfd readable:", select.select([fd], [], [], 10)[0] == [fd])
res = os.waitid(os.P_PIDFD, fd, os.WEXITED)
print("waitid:", res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED,
      type(res).__name__, len(res))
os.close(fd)
print("no child:", os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) if False else None)

pid = os.fork()
if pid == 0:
    os._exit(3)
p, status, usage = os.wait4(pid, 0)
print("wait4:", p == pid, os.waitstatus_to_exitcode(status), type(usage).__name__,
      usage.ru_utime >= 0)
pid = os.fork()
if pid == 0:
    os._exit(4)
p, status, usage = os.wait3(0)
print("wait3:", p == pid, os.waitstatus_to_exitcode(status))

r, w = os.pipe()
pid = os.posix_spawn(sys.executable, [sys.executable, "-c", "print('spawned')"], os.environ,
                     file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
os.close(w)
status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
with open(r, "rb") as f:
    print("posix_spawn:", f.read(), status)
pid = os.posix_spawnp("sh", ["sh", "-c", "exit 9"], {"PATH": os.environ.get("PATH", "/bin")},
                      setpgroup=0, setsigdef=[2])
print("posix_spawnp:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for args, kw in [(("/bin/true", 5, {}), {}), (("/bin/true", [], {}), {}),
                 (("/bin/true", [""], {}), {}), (("/bin/true", ["x"], None), {}),
                 (("/bin/true", ["x"], {}), {"file_actions": 5}),
                 (("/bin/true", ["x"], {}), {"file_actions": [()]}),
                 (("/bin/true", ["x"], {}), {"file_actions": [(99,)]}),
                 (("/bin/true", ["x"], {}), {"setsigmask": [0]}),
                 (("/bin/true", ["x"], {}), {"scheduler": (1, 2)}),
                 (("/nonexistent/prog", ["x"], {}), {})]:
    try:
        os.posix_spawn(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)

print("confstr:", os.confstr("CS_PATH"), type(os.confstr("CS_GNU_LIBC_VERSION")).__name__)
for bad in ("NOPE", 1.5):
    try:
        os.confstr(bad)
    except Exception as e:
        print(type(e).__name__, e)
print("sysconf:", os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGESIZE"]))
print("pathconf:", os.pathconf("/", "PC_NAME_MAX") == os.fpathconf(0, "PC_NAME_MAX") or True)
print("names:", "CS_PATH" in os.confstr_names, "PC_PIPE_BUF" in os.pathconf_names)
p = os.sched_param(0)
print("sched:", p, os.sched_getscheduler(0) == os.SCHED_OTHER, os.sched_getparam(0))
for bad in ((0, 0, (1,)), (0, 0, os.sched_param("x"))):
    try:
        os.sched_setscheduler(*bad)
    except Exception as e:
        print(type(e).__name__, e)
print("priorities:", os.sched_get_priority_min(os.SCHED_FIFO) <= os.sched_get_priority_max(os.SCHED_FIFO))
print("dev:", os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
print("nice:", os.nice(0) == os.nice(0))
for kw in ({"resetids": None}, {"setsid": None}, {"setpgroup": None}):
    try:
        os.posix_spawn(sys.executable, [sys.executable, "-c", "pass"], os.environ, **kw)
    except TypeError as e:
        print("TypeError", kw, e)
