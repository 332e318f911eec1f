# Indentation: nesting, multi-level dedent, tabs, blank lines and odd widths.
def outer():
    for i in range(3):
        if i % 2:
            print("odd", i)
        else:
              print("even, deeper indent", i)
    print("back in outer")

outer()
if True:
	print("tab-indented block")
	if True:
		print("two tabs")
print("top level")
if 1:

    print("after a blank line")
      
    print("after a whitespace-only line")
while False: pass
class C: x = 1; y = 2
print(C.x + C.y)
