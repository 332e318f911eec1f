# Dict displays and calls with many values are built incrementally (3.11's
# STACK_USE_GUIDELINE), so co_stacksize stays O(log n) of the code; results and errors
# are unchanged.  `True and x` / `False or x` lose the test on the constant.
import dis
import math

N = 100


def small_stack(code):
    co = compile(code, "<foo>", "single")
    return co.co_stacksize <= math.ceil(math.log(len(co.co_code)))


print(small_stack("{" + "x:x, " * N + "x:x}"))
print(small_stack("f(" + "x, " * N + ")"))
print(small_stack("f(" + ", ".join(f'a{i}=x' for i in range(N)) + ")"))
print(small_stack("o.m(" + "x, " * N + ")"))
print(small_stack("o.m(" + ", ".join(f'a{i}=x' for i in range(N)) + ")"))

d = eval("{" + ", ".join(f"'k{i % 40}': {i}" for i in range(100)) + ", **{'z': 1}, 'k1': -1}")
print(d)
print(eval("{" + ", ".join(f"{i}: str({i})" for i in range(50)) + "}") ==
      {i: str(i) for i in range(50)})


def f(*a, **k):
    return a, k


class O:
    def m(self, *a, **k):
        return len(a), sorted(k)


o = O()
print(eval("f(" + ", ".join(str(i) for i in range(40)) + ", " +
           ", ".join(f"a{i}={i}" for i in range(20)) + ")"))
print(eval("o.m(" + ", ".join(str(i) for i in range(40)) + ", " +
           ", ".join(f"a{i}={i}" for i in range(20)) + ")"))
print(eval("f(*range(3), " + ", ".join(str(i) for i in range(40)) + ", **{'z': 0}, " +
           ", ".join(f"a{i}={i}" for i in range(20)) + ")"))
try:
    eval("f(" + ", ".join(f"a{i}={i}" for i in range(20)) + ", a3=1)")
except SyntaxError as e:
    print(e)
order = []


def t(v):
    order.append(v)
    return v


eval("f(" + ", ".join(f"t({i})" for i in range(35)) + ", " +
     ", ".join(f"k{i}=t({100 + i})" for i in range(20)) + ")")
print(order == list(range(35)) + list(range(100, 120)))
order.clear()
eval("{" + ", ".join(f"t({i}): t({-i})" for i in range(20)) + "}")
print(order == [v for i in range(20) for v in (i, -i)])


def and_true(x):
    return True and x


def and_false(x):
    return False and x


def or_true(x):
    return True or x


def or_false(x):
    return False or x


for fn in (and_true, and_false, or_true, or_false):
    ops = [i.opname for i in dis.get_instructions(fn)]
    print(fn.__name__, len(ops) <= 3, 'LOAD_' in ops[-2], ops[-1], fn(7), fn(0))


def negated(a, b):
    return not (a is b), not (a in b), not (a is not b), not (a not in b)


print([i.opname for i in dis.get_instructions(negated)].count('UNARY_NOT'),
      negated(1, [1]), negated(2, [1]), negated(None, [None]))
