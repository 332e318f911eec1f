# import forms (plain, dotted, as, from, from-as, relative errors, star at module
# level), raise forms (class, instance, from cause, from None, bare re-raise) and assert
# (with and without message; message evaluated only on failure).
import os
import os.path
import os.path as osp
import collections.abc
from os import sep, path as p2
from os.path import (join,
                     split as sp)
from string import *
print(os.__name__, osp is os.path, p2 is os.path, join('a', 'b'), sp('a/b'),
      collections.abc.Mapping.__name__, ascii_lowercase[:3], sep)
print('Template' in dir(), '_re' in dir())


def func_imports():
    import json
    from json import dumps as dd
    import xml.dom
    return json.__name__, dd([1]), xml.dom.__name__, sorted(func_imports.__code__.co_varnames)


print(func_imports())
try:
    from os import does_not_exist
except ImportError as e:
    print('ImportError', e)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    exec('from . import x', {'__name__': 'm', '__package__': None})
except ImportError as e:
    print('ImportError', e)


def raiser(kind):
    try:
        if kind == 0:
            raise ValueError
        if kind == 1:
            raise ValueError('msg')
        if kind == 2:
            raise KeyError('k') from ValueError('cause')
        if kind == 3:
            try:
                1 / 0
            except ZeroDivisionError:
                raise TypeError('no context shown') from None
        if kind == 4:
            try:
                1 / 0
            except ZeroDivisionError:
                raise
        if kind == 5:
            try:
                {}['x']
            except KeyError:
                raise IndexError('implicit context')
        if kind == 6:
            raise 42
        if kind == 7:
            raise ValueError from 3
        if kind == 8:
            raise
    except BaseException as e:
        return (type(e).__name__, str(e), type(e.__cause__).__name__,
                type(e.__context__).__name__, e.__suppress_context__)


for k in range(9):
    print(k, raiser(k))


def asserts(v):
    calls = []
    def msg():
        calls.append(1)
        return 'bad %r' % (v,)
    try:
        assert v is not None
        assert v, msg()
    except AssertionError as e:
        return 'AssertionError', e.args, calls
    return 'ok', calls


print(asserts(1), asserts(0), asserts([]), asserts(None))
try:
    assert False
except AssertionError as e:
    print('bare', e.args)
try:
    compile('def f():\n    from os import *', '<s>', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
