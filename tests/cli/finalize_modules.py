# At exit, after atexit callbacks, modules are emptied as CPython does: objects held by
# module globals are finalized (their __del__ runs, globals still visible from cycles).
import atexit, sys
import _fin_helper
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n, _private, public, sys is not None)
_private = 'p'
public = 'q'
a = D('a')
b = D('b')
b.cycle = b
def g():
    return a
atexit.register(print, 'atexit runs first')
print('end of main')
