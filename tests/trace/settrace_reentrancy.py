# Installing a trace/profile function from a __del__ run while another one is being
# installed (the old one being freed) raises RuntimeError, as 3.11; the outer call wins.
import sys

def foo(*a): pass
def bar(*a): pass

for setter, getter in ((sys.settrace, sys.gettrace), (sys.setprofile, sys.getprofile)):
    class A:
        def __call__(self, *args): pass
        def __del__(self):
            try:
                setter(bar)
            except RuntimeError as e:
                print('del:', e)
    setter(A())
    setter(foo)
    print(getter() is foo)
    setter(None)
    print(getter())
