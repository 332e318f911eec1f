import logging, sys, io
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")
log.debug("d %s", 1); log.info("i"); log.warning("w %d", 2); log.error("e"); log.critical("c")
child = logging.getLogger("app.sub"); child.setLevel(logging.WARNING); child.info("hidden"); child.warning("shown")
print(child.parent.name, child.getEffectiveLevel(), logging.getLevelName(30), logging.getLevelName("ERROR"))
buf = io.StringIO(); h = logging.StreamHandler(buf); h.setFormatter(logging.Formatter("[%(levelname)-8s] %(message)s|%(funcName)s|%(lineno)d"))
other = logging.getLogger("other"); other.propagate = False; other.addHandler(h); other.setLevel(logging.INFO)
def fn(): other.info("hello %s", "world")
fn()
try:
    1 / 0
except ZeroDivisionError:
    other.exception("failed")
print(buf.getvalue().replace(__file__, "FILE"))
class F(logging.Filter):
    def filter(self, rec): return "keep" in rec.getMessage()
log.addFilter(F()); log.info("drop me"); log.info("keep me"); log.removeFilter(log.filters[0])
logging.LoggerAdapter(log, {"k": 1}).warning("adapted")
logging.disable(logging.CRITICAL); log.critical("nope"); logging.disable(logging.NOTSET)
logging.warning("root %s", "msg")
print(logging.getLogger() is logging.root, logging.getLogger("app") is log)
