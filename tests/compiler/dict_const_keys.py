# Dict displays whose keys are all constants (2..15 pairs) are built by BUILD_CONST_KEY_MAP
# from the values and one tuple of keys, as 3.11 does.  Results, order, duplicate keys,
# mixed constant/non-constant keys, ** unpacking, big displays, evaluation order of values,
# unhashable-looking keys and errors must be those of 3.11.
import dis

order = []


def v(x):
    order.append(x)
    return x


def pairs(i, l):
    return {"a": i, "b": l}


def dup(x, y):
    return {"a": x, "b": 0, "a": y}


def mixed_types(x):
    return {1: x, 1.0: "float", True: "bool", (1, 2): x, None: 0, b"k": 1, 2.5: -1}


def non_const(k, x):
    return {"a": x, k: x, "c": x}


def with_unpack(d, x):
    return {"a": x, "b": x, **d, "c": x, "d": x, **d, "e": 1}


def one(x):
    return {"only": x}


def nested_tuple_key(x):
    return {(1, (2, 3)): x, (1, (2, 3)): x + 1, "z": 0}


print(pairs(1, [2]), dup(1, 2), mixed_types(9))
print(non_const("b", 1), non_const("a", 2), with_unpack({"b": 7, "z": 8}, 0), one(3))
print(nested_tuple_key(5))
print({"x": v(1), "y": v(2), "x": v(3), "w": v(4)}, order)
order.clear()

# 15 pairs stays one BUILD_CONST_KEY_MAP; 16 and more are built incrementally
d15 = {f"k{i}": i for i in range(15)}
src15 = "{" + ", ".join(f"'k{i}': {i} + x" for i in range(15)) + "}"
src17 = "{" + ", ".join(f"'k{i}': {i} + x" for i in range(17)) + "}"
x = 0
print(eval(src15) == d15, list(eval(src17).items())[-3:])
# duplicates across the 16-pair split still keep the first position and the last value
src_dup = "{" + ", ".join(f"'k{i % 5}': {i}" for i in range(20)) + ", 'k0': x}"
print(eval(src_dup))

# a key that is not a constant (a tuple holding a list) is evaluated and fails to hash
try:
    {"a": 1, (1, [2]): 2}
except TypeError as e:
    print("TypeError", e)

# a value that raises: the dict is never built, earlier values are released
def boom():
    raise KeyError("boom")

try:
    {"a": v(1), "b": boom(), "c": v(3)}
except KeyError as e:
    print("KeyError", e, order)
order.clear()

# dict subclass keys / str subclass keys keep working
class S(str):
    pass

print({S("a"): 1, "a": 2, "b": 3})

SKIP = {"RESUME", "CACHE", "PRECALL", "NOP"}
for f in (pairs, dup, one, non_const, mixed_types):
    print(f.__name__, [(i.opname, i.argval if i.opname == "LOAD_CONST" else None)
                       for i in dis.get_instructions(f) if i.opname not in SKIP])
