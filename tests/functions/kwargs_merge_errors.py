# Errors of merging several **mappings into one call: a repeated key of any type is
# "multiple values"; non-string keys are rejected later, by the call.
def f(*a, **k):
    return k


for args in [({1: 3}, {1: 5}), ({"a": 1}, {"a": 2}), ({1: 3}, {2: 5}), ({"a": 1}, {1: 2}),
             ({(1, 2): 0}, {(1, 2): 1}), ({"x": 1}, {"y": 2})]:
    try:
        print(f(**args[0], **args[1]))
    except TypeError as e:
        print("TypeError", e)
try:
    f(**{"a": 1}, **[])
except TypeError as e:
    print("TypeError", e)
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
