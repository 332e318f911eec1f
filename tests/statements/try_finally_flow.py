# return/break/continue through finally, exception state after handlers
def f():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(f())

for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)

def g():
    try:
        raise ValueError("inner")
    except ValueError as e:
        print("caught", repr(e))
    try:
        e
    except NameError as ne:
        print("name cleared:", ne)

g()

try:
    try:
        1 / 0
    finally:
        print("cleanup")
except ZeroDivisionError as z:
    print("outer got", z)

import sys
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
