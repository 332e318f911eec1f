# str constants made of name characters are interned by the code object (3.11's PyCode_New)
import marshal
print(marshal.dumps("abc").hex(), marshal.dumps("x" * 300)[:1])
def f():
    return "hello_world", ("nested_name", 1)
g = lambda: "hello_world"
print(f()[0] is g(), f()[1][0] is "nested" + "_name")
import sys
print(sys.intern("spam_eggs") is "spam_eggs")
print({"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"})
