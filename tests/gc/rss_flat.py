# A long-running program that keeps creating reference cycles must keep a flat memory
# profile: the collector reclaims them as it goes.  RSS from /proc/self/statm (pages);
# only booleans are printed, since sizes differ between interpreters and machines.
import gc
import os

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Node:
    def __init__(self, prev):
        self.prev = prev
        self.next = None
        self.payload = [prev, self]      # a second cycle through a list
        if prev is not None:
            prev.next = self


def churn(rounds):
    for _ in range(rounds):
        head = Node(None)
        node = head
        for _ in range(500):
            node = Node(node)
        head.prev = node                 # close the ring
        d = {}
        d["self"] = d
        def f():
            return f
        f.__dict__["again"] = f


print(gc.isenabled())
churn(200)                               # warm up: pools, free lists, generations
base = rss()
churn(2000)                              # ~2 million cyclic objects made and dropped
grown = rss() - base
print(grown < 8 * 1024 * 1024)           # no more than 8 MiB of growth
churn(2000)
print(rss() - base < 8 * 1024 * 1024)
print(gc.collect() >= 0)
