# -*- coding: utf-8 -*-
# Comments in every position: own line, trailing, inside brackets, in indented blocks.
x = 1  # trailing comment
# a comment line between statements
y = [1,  # inside a list display
     2,
     # an own-line comment inside brackets
     3]
if x:
    # comment at block start
    print("in block")  # after a call
        # comment indented deeper than the block (ignored)
    print("still in block")
# comment at column 0 inside nothing
print(x, y)  # print "#" is not a comment inside a string
print("# not a comment", '#', """#""")
