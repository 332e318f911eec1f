# concurrent.futures.ProcessPoolExecutor with the default (fork) start method.
import concurrent.futures as cf

def square(x):
    return x * x

def boom():
    raise KeyError("k")

if __name__ == "__main__":
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(10))))
        print(list(ex.map(square, range(6), chunksize=3)))
        futs = [ex.submit(square, i) for i in range(4)]
        print(sorted(f.result(timeout=30) for f in cf.as_completed(futs)))
        f = ex.submit(boom)
        try:
            f.result(timeout=30)
        except KeyError as e:
            print("KeyError", e)
    print("shutdown")
