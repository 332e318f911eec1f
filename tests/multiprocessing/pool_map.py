# multiprocessing.Pool (fork): map, imap, apply_async, starmap, errors from workers.
import multiprocessing

def f(x):
    return x * x

def g(a, b):
    return a + b

def boom(x):
    raise ValueError("bad %d" % x)

if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(f, range(10)))
        print(list(pool.imap(f, range(5))))
        print(sorted(pool.imap_unordered(f, range(5))))
        print(pool.starmap(g, [(1, 2), (3, 4)]))
        print(pool.apply_async(f, (7,)).get(timeout=30))
        try:
            pool.map(boom, [1])
        except ValueError as e:
            print("ValueError", e)
    print("done")
