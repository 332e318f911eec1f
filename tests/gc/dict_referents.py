# dict_traverse, as 3.11: a table whose keys are all exact str visits only the values
# (such keys cannot be part of a cycle); any other table visits keys and values.
import gc


class S(str):
    pass


print(gc.get_referents({"k": "v"}))
print(gc.get_referents({"a": 1, "b": [2]}))
print(sorted(map(repr, gc.get_referents({1: "v"}))))
print(sorted(map(repr, gc.get_referents({S("k"): "v"}))))
d = {"k": "v"}
d[2] = "w"                               # a non-str key turns the table general
print(sorted(map(repr, gc.get_referents(d))))
d = {}
d["self"] = d
print(gc.get_referents(d)[0] is d)
# a cycle through a str-keyed dict is still found
class A:
    pass
a = A()
a.d = {"a": a}
del a
print(gc.collect() >= 1)
