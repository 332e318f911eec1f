# An uncaught ZeroDivisionError: traceback on stderr (with position markers), exit status 1.
def ratio(a, b):
    return a / b

print(ratio(1, 2))
print(ratio(1, 0))
print("not reached")
