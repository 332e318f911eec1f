# staticmethod/classmethod copy the wrapped callable's __module__, __name__, __qualname__,
# __doc__ and __annotations__ into their __dict__ and expose __wrapped__ (3.10+);
# deep chains of bound methods are freed without exhausting the C stack
import types


def f(arg: int) -> str:
    "doc"


for m in (staticmethod(f), classmethod(f)):
    print(type(m).__name__, m.__annotations__, m.__wrapped__ is f, m.__name__,
          m.__qualname__, m.__doc__, m.__module__)
print(staticmethod(f).__dict__)
print(classmethod(len).__dict__)


class C:
    @classmethod
    def cm(cls, x: 'C') -> None:
        "class method"

    @staticmethod
    def sm():
        pass


print(C.__dict__['cm'].__annotations__, C.__dict__['cm'].__qualname__, C.__dict__['sm'].__name__)

m = print
for i in range(300000):
    m = types.MethodType(m, i)
del m
print('method chain freed')
