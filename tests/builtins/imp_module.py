# _imp: the hooks importlib's bootstrap uses.
import _imp, sys
print(_imp.is_builtin("sys"), _imp.is_builtin("marshal"), _imp.is_builtin("nope"))
print(_imp.is_frozen("no_such_frozen"), _imp.find_frozen("no_such_frozen"), _imp.lock_held())
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print(e)
print(_imp.source_hash(key=3, source=b"hello world").hex())
print(_imp.check_hash_based_pycs)
class Spec:
    name = "marshal"
m = _imp.create_builtin(Spec())
print(m.__name__, _imp.exec_builtin(m))
Spec.name = "sys"
print(_imp.create_builtin(Spec()) is sys)
code = compile("def f(): pass", "old.py", "exec")
_imp._fix_co_filename(code, "new.py")
print(code.co_filename, code.co_consts[0].co_filename)
try:
    _imp.get_frozen_object("zz")
except ImportError as e:
    print(e)
