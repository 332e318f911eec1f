# Unsupported operand types give CPython's exact TypeError messages.
key, one, five = "a", 1, 5
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: "a" * "b",
    lambda: -"a",
    lambda: ~1.5,
    lambda: None < 1,
    lambda: {} < {},
    lambda: 1 @ 2,
    lambda: "%d" % "x",
    lambda: [1, 2][key],
    lambda: one[0],
    lambda: len(5),
    lambda: five(),
    lambda: "abc".nope,
]
for case in cases:
    try:
        case()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
