# Which builtins code sees: globals['__builtins__'] as given (a module's dict, a dict, or any
# other object, which then fails at the first global lookup), else the caller's builtins.
import builtins, types

code = compile("print('Hello World!')", "", "exec")
for b in ({}, 123, None, [1, 2]):
    try:
        exec(code, {'__builtins__': b})
    except Exception as e:
        print(repr(b), type(e).__name__, e)

exec(code, {'__builtins__': builtins})
exec(code, {'__builtins__': builtins.__dict__})

try:
    exec("class A: pass", {'__builtins__': {}})
except NameError as e:
    print('NameError', e)

class Mapping:
    def __getitem__(self, key):
        if key == 'len':
            return lambda x: 'mapped len'
        raise KeyError(key)
g = {'__builtins__': Mapping()}
exec("r = len([])", g)
print(g['r'])
try:
    exec("print(1)", g)
except NameError as e:
    print('NameError', e)

class frozendict_error(Exception): pass
class frozendict(dict):
    def __setitem__(self, key, value):
        raise frozendict_error("frozendict is readonly")
try:
    exec("__builtins__['superglobal'] = 2", {'__builtins__': frozendict(builtins.__dict__)})
except frozendict_error as e:
    print('frozendict_error', e)

# functions take their builtins from their globals, or from the running frame
f = types.FunctionType(compile("len", "", "eval"), {'__builtins__': 123})
try:
    f()
except TypeError as e:
    print('function', e)
f = types.FunctionType(compile("len", "", "eval"), {})
print(f() is len, f.__builtins__ is builtins.__dict__)
f = types.FunctionType(compile("len", "", "eval"), {'__builtins__': {'len': 'mine'}})
print(f(), f.__builtins__)

# exec without __builtins__ inserts the current ones
g = {}
exec("pass", g)
print(g['__builtins__'] is builtins.__dict__ or g['__builtins__'] is builtins)
