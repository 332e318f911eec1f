# Line joining: explicit backslash, implicit inside brackets, triple-quoted strings.
total = 1 + \
        2 + \
    3
print(total)
values = (1,
          2,
    3)
print(values, [4,
5], {6:
7})
def f(a,
      b):
    return a \
        * b
print(f(6,
        7))
if total == 6 and \
   values == (1, 2, 3):
    print("joined condition")
s = """first
second\
 same line"""
print(s)
print("implicit"
      " concatenation"
      ' across lines')
