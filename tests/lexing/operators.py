# Every operator and delimiter token, with and without surrounding spaces.
a, b = 17, 5
print(a+b, a-b, a*b, a/b, a//b, a%b, a**b, a<<b, a>>b, a&b, a|b, a^b, ~a, -a, +a)
print(a<b, a>b, a<=b, a>=b, a==b, a!=b)
x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 3; x >>= 1; x &= 0xff; x |= 1; x ^= 3
print(x)
y = 10.0
y /= 4
print(y)
print((n := 4), n, [1, 2][1:], {1: 2}, (1,), a if a>b else b)
def f(p) -> int: return p
print(f.__annotations__, f(3))
print(1 if -1<0<=1 else 0, not-1, - -1, ~-1)
