# float operators, including floor division and modulo signs and int mixing
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(5.0 % 0.1, -0.0 % 5, 0.0 % -5, divmod(-0.0, 1))
print(2.0 ** 0.5, 2 ** 0.5, 4 ** -0.5, (-8.0) ** 3, (-2.0) ** -1, 0.0 ** 0, 1.0 ** float("nan"))
print(float("inf") ** 0, float("inf") * 0, float("inf") - float("inf"), 1e308 * 10)
print(1 + 2.5, 3 * 1.5, 10 / 4, 2 ** 62 + 0.5, 10 ** 20 * 1.0)
print(-(1.5), +(1.5), abs(-2.5), bool(0.0), bool(-0.0), bool(0.1))
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1.0 / 0)
show(lambda: 1.0 // 0)
show(lambda: 1.0 % 0)
show(lambda: divmod(1.0, 0))
show(lambda: 0.0 ** -1)
show(lambda: 2.0 ** 5000)
show(lambda: (-8) ** (1 / 3))
show(lambda: pow(2.0, 3, 5))
show(lambda: 10 ** 400 * 1.0)
