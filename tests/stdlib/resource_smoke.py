# resource: getrusage's struct sequence, getrlimit/setrlimit/prlimit round-trips,
# constants and CPython's error messages.
import os
import resource

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print(" ", type(r).__name__)

print(resource.error is OSError)
print([n for n in dir(resource) if not n.startswith("__")])
for name in sorted(n for n in dir(resource) if n.startswith(("RLIM", "RUSAGE"))):
    print(name, getattr(resource, name))

ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, type(ru).__module__, len(ru), ru.n_fields, ru.n_sequence_fields)
print(type(ru.ru_utime).__name__, type(ru.ru_stime).__name__, type(ru.ru_maxrss).__name__)
print(ru[0] == ru.ru_utime, ru[-1] == ru.ru_nivcsw, ru.ru_maxrss > 0)
print(all(type(x) is int for x in ru[2:]))
print(type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__)
print(type(resource.getrusage(resource.RUSAGE_THREAD)).__name__)
print(resource.struct_rusage.__doc__)
print(resource.struct_rusage.ru_minflt.__doc__)
r2 = resource.struct_rusage(tuple(range(16)))
print(r2.ru_nswap, r2[8])

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, type(hard).__name__, hard == resource.RLIM_INFINITY or soft <= hard)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
resource.setrlimit(resource.RLIMIT_NOFILE, [soft, hard])
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(os.getpid(), resource.RLIMIT_NOFILE, (soft, hard)) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, core[1]))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
resource.setrlimit(resource.RLIMIT_CORE, core)
print(resource.getrlimit(resource.RLIMIT_CORE) == core)

ps = resource.getpagesize()
print(type(ps).__name__, ps > 0, ps & (ps - 1) == 0)

print("errors:")
attempt(resource.getrlimit, 1000)
attempt(resource.getrlimit, -1)
attempt(resource.getrlimit, "a")
attempt(resource.getrlimit, 1.5)
attempt(resource.getrlimit)
attempt(resource.setrlimit, 1000, (1, 1))
attempt(resource.setrlimit, resource.RLIMIT_CORE, (1, 2, 3))
attempt(resource.setrlimit, resource.RLIMIT_CORE, 5)
attempt(resource.setrlimit, resource.RLIMIT_CORE, (1.5, 2))
attempt(resource.setrlimit, resource.RLIMIT_CORE, ("a", 2))
attempt(resource.setrlimit, resource.RLIMIT_CORE, (2 ** 70, 2))
attempt(resource.setrlimit, resource.RLIMIT_CORE, (5, 1))
attempt(resource.setrlimit, resource.RLIMIT_CORE)
attempt(resource.getrusage, 5)
attempt(resource.getrusage, "a")
attempt(resource.getrusage, 2 ** 40)
attempt(resource.prlimit)
attempt(resource.prlimit, 0)
attempt(resource.prlimit, 0, 1, (1, 1), 3)
attempt(resource.prlimit, 0, "a")
attempt(resource.prlimit, 0, 100)
attempt(resource.prlimit, 0, resource.RLIMIT_CORE, (5, 1))
attempt(resource.struct_rusage, (1,))
