# error messages of int operations
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: 5 // 0)
show(lambda: 5 % 0)
show(lambda: divmod(5, 0))
show(lambda: 1 << -1)
show(lambda: 1 >> -1)
show(lambda: pow(2, -1, 4))
show(lambda: pow(2, 3, 0))
show(lambda: pow(2, 3.0, 5))
show(lambda: 1 + "a")
show(lambda: int("x"))
show(lambda: int("12", 1))
show(lambda: int(1.5, 2))
show(lambda: int(float("nan")))
show(lambda: int(float("inf")))
show(lambda: (255).to_bytes(1, "big", signed=True))
show(lambda: (-1).to_bytes(2, "big"))
show(lambda: (1).to_bytes(1, "middle"))
show(lambda: float(2 ** 2000))
