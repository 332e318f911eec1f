# and/or/not: they return an operand, not a bool, and short-circuit.
def t(label, value):
    print("eval", label)
    return value
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "x", None or 0)
print(not 0, not 1, not "", not [0], not None)
print(t("a", 0) and t("b", 1))
print(t("a", 1) or t("b", 1))
print(t("a", 1) and t("b", 0) or t("c", "c wins"))
print(t("a", 0) or t("b", 0) or t("c", 0))
x = 5
print(x > 3 and x < 10, not x > 3, not (x > 3 and x > 10), x and x * 2)
print(bool(0.0), bool(0j), bool(""), bool(()), bool({}), bool(set()), bool(range(0)), bool("0"))
