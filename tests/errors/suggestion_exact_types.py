# sys.excepthook offers "Did you mean" only for exactly NameError and AttributeError (3.11's
# _Py_Offer_Suggestions): not for UnboundLocalError nor for subclasses
import sys


def show():
    sys.__excepthook__(*sys.exc_info())


class A:
    something = 1


class MyAttrError(AttributeError):
    pass


class MyNameError(NameError):
    pass


def foo():
    something = 3
    print(somethong)
    somethong = 3


sys.stderr = sys.stdout
try:
    foo()
except UnboundLocalError:
    show()
try:
    raise MyAttrError("no", name="somethin", obj=A())
except AttributeError:
    show()
try:
    raise MyNameError("no", name="somethin")
except NameError:
    show()
try:
    A().somethin
except AttributeError:
    show()
try:
    raise AttributeError("plain", name="somethin", obj=A())
except AttributeError:
    show()
something = 2
try:
    somethin
except NameError:
    show()
