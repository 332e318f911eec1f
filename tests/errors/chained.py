class MyError(Exception):
    pass
try:
    {}["missing"]
except KeyError as e:
    try:
        raise MyError("inner") from e
    except MyError:
        raise ValueError("outer")
