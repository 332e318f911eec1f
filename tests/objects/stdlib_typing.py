import typing
from typing import List, Dict, Optional, Union, TypeVar, Generic, Protocol, TypedDict, NamedTuple, get_type_hints, Callable, Any
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box[int](3).v, List[int], Dict[str, int], Optional[int], Union[int, str])
class P(Protocol):
    def meth(self) -> int: ...
@typing.runtime_checkable
class Q(Protocol):
    def meth(self) -> int: ...
class X:
    def meth(self): return 1
print(isinstance(X(), Q))
class TD(TypedDict):
    a: int
    b: str
print(TD(a=1, b='x'), TD.__required_keys__)
class NT(NamedTuple):
    x: int
    y: str = 'd'
print(NT(1), NT._fields, NT.__annotations__)
def f(a: int, b: 'List[int]') -> Optional[str]: pass
print(get_type_hints(f))
print(Callable[[int], str], Any, typing.Literal[1, 2], typing.Final[int], typing.ClassVar[int])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
