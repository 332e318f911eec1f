# The spawn and forkserver start methods: a fresh interpreter (sys.executable) runs the
# child, locks travel by name (SemLock._rebuild), a resource tracker process runs.
import multiprocessing as mp
def f(q, l):
    with l:
        q.put(sum(range(10)))
if __name__ == "__main__":
    for m in ("spawn", "forkserver"):
        ctx = mp.get_context(m)
        q = ctx.Queue(); l = ctx.Lock()
        p = ctx.Process(target=f, args=(q, l)); p.start()
        print(m, q.get(timeout=30)); p.join(); print(p.exitcode)
        with ctx.Pool(2) as pool:
            print(pool.map(abs, [-1, -2, 3]))
