# deepcopy_objects: copy.deepcopy and copy.copy of nested containers and class instances,
# with shared references and a cycle (the memo), as pyperformance's deepcopy benchmark.
import copy


class Node:
    def __init__(self, name, value, children=()):
        self.name = name
        self.value = value
        self.children = list(children)
        self.meta = {"depth": len(self.children), "tags": ("a", "b")}


def make_tree(depth, width, counter):
    counter[0] += 1
    kids = [make_tree(depth - 1, width, counter) for _ in range(width)] if depth else []
    return Node("n%d" % counter[0], counter[0] * 1.5, kids)


def checksum(node):
    return node.value + len(node.name) + sum(checksum(c) for c in node.children)


def work(rounds):
    tree = make_tree(4, 3, [0])
    shared = [1, 2.5, "three", (4, 5), {"six": [6]}]
    data = {"tree": tree, "a": shared, "b": shared, "nums": list(range(50)),
            "nested": [[i, str(i), (i, i * 2.0)] for i in range(30)]}
    data["self"] = data
    total = 0.0
    for _ in range(rounds):
        c = copy.deepcopy(data)
        assert c["a"] is c["b"] and c["self"] is c and c["a"] is not shared
        total += checksum(c["tree"]) + len(c["nested"])
        total += len(copy.copy(data)) + len(copy.deepcopy(shared))
    return total


print(work(1000))
