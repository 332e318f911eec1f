def add(a, b):
    c = a + b
    return c


x = 10
y = add(x, 5)
z = [i * 2 for i in range(3)]
print('result', y, z)
