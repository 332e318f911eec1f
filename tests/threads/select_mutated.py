# select.select() with file objects whose fileno() shrinks the list being scanned
# (crashed: items were borrowed and the size cached).
import select, sys
a = []
class F:
    def fileno(self):
        del a[-1]
        return sys.__stdout__.fileno()
a[:] = [F()] * 10
r = select.select([], a, [])
print(r == ([], a[:5], []), len(r[1]))
