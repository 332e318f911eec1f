class A:
    __slots__ = ()
class B:
    pass
class C(A, B):
    __slots__ = ("x", "y")
print(C.__slots__, hasattr(C(), "__dict__"))
class D(A, B):
    __slots__ = ("__dict__", "z")
print(D.__slots__)
class E(A, B):
    __slots__ = ("__weakref__", "w")
print(E.__slots__, E().__weakref__)
import xml.dom.minidom
print(xml.dom.minidom.parseString("<a><b x='1'/></a>").documentElement.toxml())
