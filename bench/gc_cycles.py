# gc_cycles: building and dropping cyclic object graphs (doubly linked rings, trees with
# parent links, self-referencing dicts and closures), so the cycle collector reclaims them.
class Node:
    def __init__(self, value):
        self.value = value
        self.prev = self.next = None
        self.children = []
        self.parent = None


def ring(n):
    first = prev = Node(0)
    for i in range(1, n):
        node = Node(i)
        node.prev, prev.next = prev, node
        prev = node
    prev.next, first.prev = first, prev
    return first


def tree(depth, parent=None):
    node = Node(depth)
    node.parent = parent
    if depth:
        node.children = [tree(depth - 1, node) for _ in range(3)]
    return node


def closures(n):
    total = 0
    for i in range(n):
        def f(k=i):
            return f, k         # f reaches itself through its cell: a cycle
        total += f()[1]
        d = {"self": None, "i": i}
        d["self"] = d
    return total


def walk(node, depth):
    total = node.value
    for c in node.children:
        total += walk(c, depth + 1)
    return total


def work(rounds):
    checksum = 0
    for r in range(rounds):
        head = ring(2000 + r % 7)
        checksum += head.prev.value
        t = tree(6)
        checksum += walk(t, 0) + len(t.children[1].children[2].parent.children)
        checksum += closures(300)
        pairs = []
        for i in range(500):
            a, b = [i], [i + 1]
            a.append(b)
            b.append(a)
            pairs.append(a)
        checksum += sum(p[1][0] for p in pairs)
    return checksum


print(work(300))
