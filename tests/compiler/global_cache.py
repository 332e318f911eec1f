# LOAD_GLOBAL caching must notice every change to globals and builtins.
import builtins

x = 1
def get_x():
    return x

def get_len():
    return len("abc")

results = []
for i in range(3):
    results.append(get_x())
x = 2
results.append(get_x())
globals()["x"] = 3
results.append(get_x())
del x
try:
    get_x()
except NameError as e:
    results.append(str(e))
builtins.x = "from builtins"
results.append(get_x())
x = "shadow"
results.append(get_x())
del x
results.append(get_x())
del builtins.x

results.append(get_len())
real_len = builtins.len
builtins.len = lambda s: 42
results.append(get_len())
len = lambda s: -1
results.append(get_len())
del len
results.append(get_len())
del builtins.len
try:
    get_len()
except NameError as e:
    results.append(str(e))
builtins.len = real_len
results.append(get_len())
print(results)

# the same code object run with different globals dicts
src = "def f():\n    return y\n"
g1 = {"y": "one"}
g2 = {"y": "two"}
exec(src, g1)
f1 = g1["f"]
f2 = type(f1)(f1.__code__, g2)
print(f1(), f2(), f1(), f2())
g2["y"] = "three"
print(f1(), f2())

# a global read in a loop while a callee rebinds it
counter = 0
def bump():
    global counter
    counter += 1
def loop():
    seen = []
    for _ in range(5):
        seen.append(counter)
        bump()
    return seen
print(loop())
