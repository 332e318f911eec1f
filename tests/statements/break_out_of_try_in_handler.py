# break / continue / return leaving a try body that sits inside an except handler
# (pkgutil.get_importer's shape): the try's block must be popped before the handler's.
import sys

def get_importer(cache, hooks, item):
    try:
        importer = cache[item]
    except KeyError:
        for hook in hooks:
            try:
                importer = hook(item)
                break
            except ImportError:
                pass
        else:
            importer = None
    return importer

def bad(x):
    raise ImportError(x)

print(get_importer({}, [bad, lambda x: x * 2], 21))
print(get_importer({}, [bad], 21))
print(get_importer({1: 5}, [bad], 1))

def cont(n):
    out = []
    try:
        raise ValueError
    except ValueError:
        for i in range(n):
            try:
                if i % 2:
                    continue
                out.append(i)
            except TypeError:
                pass
        out.append(sys.exc_info()[0].__name__)
    out.append(sys.exc_info()[0])
    return out

print(cont(5))

def ret(x):
    try:
        raise KeyError(x)
    except KeyError:
        while True:
            try:
                return x + 1
            except ImportError:
                pass

print(ret(1), sys.exc_info())

def nested(n):
    total = 0
    for i in range(n):
        try:
            1 / (i % 3)
        except ZeroDivisionError:
            for j in range(3):
                try:
                    try:
                        if j == 1:
                            break
                    finally:
                        total += 100
                except OSError:
                    pass
            total += 1
    return total

print(nested(7))

def gen():
    try:
        raise KeyError
    except KeyError:
        for i in range(3):
            try:
                yield i
                if i == 1:
                    break
            except ImportError:
                pass
    yield 'done'

print(list(gen()))
