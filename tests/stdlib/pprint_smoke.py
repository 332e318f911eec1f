import pprint
data = {"name": "krait", "list": list(range(30)), "nested": {"a": [1, 2, {"b": (3, 4)}], "z": None},
        "set": {3, 1, 2}, "fs": frozenset({5}), "tuple": (1,), "str": "x" * 50}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
print(pprint.pformat(list(range(5)), indent=4), pprint.saferepr([1, [2]]))
r = []; r.append(r); print(pprint.pformat(r).split(' with id=')[0], pprint.isrecursive(r), pprint.isreadable([1]))
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
pprint.pp({"b": 1, "a": 2})
pprint.pprint([["a" * 30, "b" * 30]], compact=True, width=50)
pprint.pprint(b"\x00" * 40, width=20)
