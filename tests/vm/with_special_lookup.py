# with / async with look __enter__/__exit__ (__aenter__/__aexit__) up on the type, as
# special methods: instance attributes are ignored; the errors as 3.11's.
import asyncio

class C:
    pass
c = C()
c.__enter__ = lambda: 1
c.__exit__ = lambda *a: None
try:
    with c:
        pass
except TypeError as e:
    print("TypeError:", e)

class OnlyEnter:
    def __enter__(self):
        print("never")
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
        return self.tag
    def __exit__(self, *exc):
        print("exit", self.tag, exc[0].__name__ if exc[0] else None)
        return True
with CM("a") as v:
    print("body", v)
with CM("b"):
    raise KeyError("swallowed")
print("after")

class Prop:
    @property
    def __enter__(self):
        raise AttributeError("from the property")
    def __exit__(self, *a):
        pass
try:
    with Prop():
        pass
except AttributeError as e:
    print("AttributeError:", e)

class ACM:
    async def __aenter__(self):
        print("aenter")
        return 5
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
class A:
    pass
a = A()
async def af():
    a.__aenter__ = ACM().__aenter__
    a.__aexit__ = ACM().__aexit__
    try:
        async with a:
            pass
    except TypeError as e:
        print("TypeError:", e)
    async with ACM() as v:
        print("abody", v)
    try:
        async with CM("sync"):
            pass
    except TypeError as e:
        print("TypeError:", e)
asyncio.run(af())
