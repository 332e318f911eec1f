# syslog: constants, LOG_MASK/LOG_UPTO, setlogmask round-trip, openlog/syslog/closelog
# calls (LOG_PERROR is not used, so nothing reaches stderr) and argument errors.
import syslog

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print(" ", repr(r))

print([n for n in dir(syslog) if not n.startswith("__")])
for name in sorted(n for n in dir(syslog) if n.startswith("LOG_") and n.isupper()):
    value = getattr(syslog, name)
    if isinstance(value, int):
        print(name, value)
print(syslog.LOG_MASK(syslog.LOG_ERR), syslog.LOG_UPTO(syslog.LOG_ERR), syslog.LOG_UPTO(7))

old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_DEBUG))
print(type(old).__name__)
# A mask of 0 leaves the mask unchanged and returns it.
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_DEBUG))
print(syslog.setlogmask(syslog.LOG_MASK(syslog.LOG_EMERG)) == syslog.LOG_UPTO(syslog.LOG_DEBUG))
# Only LOG_EMERG passes the mask: the messages below are filtered out by the C library.
print(syslog.syslog("krait syslog smoke test"))
print(syslog.syslog(syslog.LOG_DEBUG, "krait syslog smoke test"))
print(syslog.openlog("krait-test", syslog.LOG_PID, syslog.LOG_USER))
print(syslog.openlog(ident="krait-test", logoption=syslog.LOG_NDELAY, facility=syslog.LOG_LOCAL0))
print(syslog.openlog())
print(syslog.syslog(syslog.LOG_INFO | syslog.LOG_LOCAL1, "filtered"))
print(syslog.closelog(), syslog.closelog())
syslog.setlogmask(old)

print("errors:")
attempt(syslog.openlog, None)
attempt(syslog.openlog, "x", "a")
attempt(syslog.openlog, "x", 1, 2, 3)
attempt(syslog.openlog, foo=1)
attempt(syslog.syslog)
attempt(syslog.syslog, 1)
attempt(syslog.syslog, 1, 2)
attempt(syslog.syslog, "a", "b")
attempt(syslog.syslog, 1, "b", 3)
attempt(syslog.setlogmask)
attempt(syslog.setlogmask, "a")
attempt(syslog.LOG_MASK, "a")
attempt(syslog.LOG_MASK)
attempt(syslog.LOG_UPTO, 1, 2)
attempt(syslog.closelog, 1)
syslog.closelog()
