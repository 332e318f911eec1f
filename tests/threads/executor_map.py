# concurrent.futures.ThreadPoolExecutor: map keeps order, submit/result, exceptions.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(20))))
    futs = [ex.submit(pow, 2, i) for i in range(10)]
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "nope")
    done, not_done = wait([bad])
    print(len(done), len(not_done))
    try:
        bad.result()
    except ValueError as e:
        print("ValueError:", e)
    print(type(bad.exception()).__name__)
    names = set(ex.map(lambda _: threading.current_thread().name.startswith("ThreadPoolExecutor"), range(8)))
    print(names)

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    print(sum(ex.map(square, range(1000), chunksize=50)))
print("shutdown ok")
