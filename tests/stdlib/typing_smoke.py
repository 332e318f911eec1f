import typing
from typing import (Any, Callable, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, TypeVar,
                    TypedDict, Union, cast, get_args, get_origin, get_type_hints, overload, runtime_checkable, Final, ClassVar, Annotated)
T = TypeVar("T"); K = TypeVar("K", bound=str)
print(T, K.__bound__, Optional[int], Union[int, str], List[int], Dict[str, List[T]], Callable[[int], str], Literal[1, "a"])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(Union[int, str]), Union[int, int])
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Box[int](3).v, Box.__parameters__)
class NT(NamedTuple):
    a: int
    b: str = "x"
print(NT(1), NT._fields, NT.__annotations__)
class TD(TypedDict, total=False):
    k: int
print(TD(k=1), TD.__required_keys__, TD.__optional_keys__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
def f(a: int, b: "str" = "") -> Optional[List[int]]: ...
print(get_type_hints(f), cast(int, "x"), typing.TYPE_CHECKING, Any, Final[int], ClassVar[str], Annotated[int, "meta"])
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), int | None, list[int], typing.Tuple[int, ...], typing.NewType("UserId", int)(5))
try:
    Union[()]
except TypeError as e:
    print(e)
