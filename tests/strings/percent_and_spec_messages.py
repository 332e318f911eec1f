# %u/%d of a complex, and space/sign in a str format spec: 3.11's messages (test_unicode).
import operator
for f, a in (('%u', 3j), ('%d', 3j), ('%i', 'x'), ('%x', 3.5), ('%d', 3.7), ('%u', 2.0)):
    try: print(f % a)
    except TypeError as e: print("TypeError:", e)
for spec in (' ', '-', '+', ' 10', '=', '#'):
    try: print(format('', spec))
    except ValueError as e: print("ValueError:", e)
