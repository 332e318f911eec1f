# Two threads unpickle a class whose module is being imported (the import blocks until the
# main thread releases it): both must wait for the import to finish and get the class, not
# a partially initialised module (bpo-34572; _pickle's find_class must not take the module
# from sys.modules without going through the import).  12 rounds, each with fresh modules.
import os, pickle, shutil, sys, tempfile, threading, importlib

root = tempfile.mkdtemp()

def one_round(k, loads):
    d = os.path.join(root, "r%d" % k)
    os.mkdir(d)
    with open(os.path.join(d, "locker.py"), "w") as f:
        f.write("import threading\nbarrier = threading.Barrier(2)\n")
    with open(os.path.join(d, "locking_import.py"), "w") as f:
        f.write("import locker\nlocker.barrier.wait()\nclass ToBeUnpickled(object):\n    pass\n")
    sys.path.insert(0, d)
    importlib.invalidate_caches()
    import locker
    data = b'\x80\x03clocking_import\nToBeUnpickled\nq\x00)\x81q\x01.'
    results = []
    start = threading.Barrier(3)
    def worker():
        start.wait()
        try:
            results.append(type(loads(data)).__name__)
        except Exception as e:
            results.append(type(e).__name__)
    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    start.wait()
    locker.barrier.wait()
    for t in threads:
        t.join()
    sys.path.remove(d)
    del sys.modules["locker"], sys.modules["locking_import"]
    return sorted(results)

try:
    for name, loads in (("C", pickle.loads), ("Python", pickle._loads)):
        rounds = [one_round(k + (100 if name == "Python" else 0), loads) for k in range(12)]
        print(name, all(r == ["ToBeUnpickled", "ToBeUnpickled"] for r in rounds), rounds[0])
finally:
    shutil.rmtree(root)
