# Code run with a dict subclass as globals: LOAD_GLOBAL asks the mapping (__getitem__ /
# __missing__), then the builtins; LOAD_NAME at module level goes through locals first.
class G(dict):
    def __missing__(self, key):
        return "missing:" + key


f = eval("lambda: abc", G())
print(f())
g = eval("lambda: len", G())
print(g())



class Some(dict):
    def __missing__(self, key):
        if key.startswith("m_"):
            return "found:" + key
        raise KeyError(key)


ns = Some()
exec("print(m_x)", ns)
exec("def h():\n    return m_y, len('ab')\nprint(h())", ns)
try:
    exec("def h2():\n    return other\nh2()", ns)
except NameError as e:
    print("NameError", e)


class Logging(dict):
    def __getitem__(self, key):
        print("getitem", key)
        return dict.__getitem__(self, key)


d = Logging(value=3)
k = eval("lambda: value + 1", d)
print(k())
try:
    eval("lambda: nothing_here", Logging())()
except NameError as e:
    print("NameError", e)


class Raising(dict):
    def __missing__(self, key):
        raise RuntimeError("no " + key)


try:
    eval("lambda: zzz", Raising())()
except RuntimeError as e:
    print("RuntimeError", e)
