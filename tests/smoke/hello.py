# Smoke test: the smallest program that exercises print, arithmetic, strings and calls.
print("Hello, world!")
print(2**100, 7 // 2, -7 % 3, 1 / 3, "a" + "b")


def greet(name):
    return f"hello, {name}"


for who in ["krait", "python"]:
    print(greet(who))
print({"one": 1, "two": [2, 2.0]}, (1,), None, True)
