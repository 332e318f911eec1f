# Freeing very deep chains of containers must not overflow the C stack (CPython's
# trashcan: nested deallocs past a depth are queued and freed by the outermost one).
import gc

def chain_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

def chain_tuple(n):
    x = ()
    for _ in range(n):
        x = (x,)
    return x

def chain_frozenset(n):
    x = frozenset()
    for _ in range(n):
        x = frozenset([x])
    return x

class Node:
    pass

class SlotNode:
    __slots__ = ("next",)

class ListNode(list):
    pass

def chain_instances(cls, n):
    head = cls()
    for _ in range(n):
        node = cls()
        if isinstance(node, list):
            node.append(head)
        elif hasattr(node, "__dict__"):
            node.next = head
        else:
            node.next = head
        head = node
    return head

def chain_exceptions(n):
    e = ValueError(0)
    for i in range(n):
        new = KeyError(i)
        new.__context__ = e
        e = new
    return e

for name, make in [("list", chain_list), ("tuple", chain_tuple), ("frozenset", chain_frozenset),
                   ("instances", lambda n: chain_instances(Node, n)),
                   ("slots", lambda n: chain_instances(SlotNode, n)),
                   ("list subclass", lambda n: chain_instances(ListNode, n)),
                   ("exceptions", chain_exceptions)]:
    x = make(300000)
    del x
    print(name, "freed")

# Objects queued by the trashcan are really freed (their weakref callbacks run).
import weakref
freed = []
class W:
    pass
head = W()
ref = weakref.ref(head, lambda r: freed.append(1))
for _ in range(100000):
    n = W(); n.next = head; head = n
del n, head
print("tail freed:", freed == [1])
gc.collect()
print("done")
