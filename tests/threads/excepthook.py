# Exceptions in threads: threading.excepthook's default output, a custom hook, SystemExit.
import sys
import threading

def fail():
    raise ValueError("boom in thread")

t = threading.Thread(target=fail, name="Worker-1")
t.start()
t.join()
sys.stderr.flush()
print("after default hook")

def quiet_exit():
    sys.exit(3)

t = threading.Thread(target=quiet_exit)
t.start()
t.join()
print("SystemExit is silent")

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=fail, name="Hooked")
t.start()
t.join()
threading.excepthook = old
print(caught)
print(threading.ExceptHookArgs.__name__, len(threading.ExceptHookArgs([1, 2, 3, 4])))
