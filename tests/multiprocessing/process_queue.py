# multiprocessing.Process + Queue + Pipe + exit codes with the fork start method.
import multiprocessing as mp
import os
import sys

def produce(q, n):
    for i in range(n):
        q.put((i, "x" * i))
    q.put(None)

def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg[::-1])
    conn.close()

def fail():
    sys.exit(3)

if __name__ == "__main__":
    print(mp.get_start_method())
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 5))
    p.start()
    items = []
    while (item := q.get(timeout=30)) is not None:
        items.append(item)
    p.join()
    print(items, p.exitcode, p.is_alive())

    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for s in ["abc", "hello"]:
        a.send(s)
        print(a.recv())
    a.send(None)
    p.join()
    print(p.exitcode)

    p = mp.Process(target=fail)
    p.start(); p.join()
    print("exit", p.exitcode)
    p = mp.Process(target=os.getpid, name="named")
    print(p.name, p.daemon)
    p.start(); p.join()
    print(p.exitcode, mp.active_children())
    jq = mp.JoinableQueue()
    jq.put(1); print(jq.get()); jq.task_done(); jq.join()
    sq = mp.SimpleQueue()
    sq.put([1, 2]); print(sq.get(), sq.empty())
