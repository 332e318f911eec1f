# __import__ of a relative name warns ImportWarning when __package__/__spec__ cannot
# say the package (falls back on __name__), and when __package__ != __spec__.parent.
import warnings

class Spec:
    def __init__(self, parent): self.parent = parent

def imp(globs, name='', fromlist=('foo',), level=1):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            __import__(name, globs, {}, fromlist, level)
            r = "imported"
        except (ImportError, KeyError, TypeError) as e:
            r = f"{type(e).__name__}: {e}"
    print(r, [(x.category.__name__, str(x.message)) for x in w])

imp({'__package__': None, '__spec__': None, '__name__': '__main__'})
imp({'__name__': 'json.x'}, name='decoder', fromlist=None)
imp({'__package__': 'json', '__spec__': Spec('json'), '__name__': 'x'}, name='decoder')
imp({'__package__': 'json', '__spec__': Spec('email'), '__name__': 'x'}, name='decoder')
imp({'__package__': None, '__spec__': Spec('json'), '__name__': 'x'}, name='decoder')
imp({'__spec__': None})
with warnings.catch_warnings():
    warnings.simplefilter("error", ImportWarning)
    imp({'__package__': None, '__spec__': None, '__name__': 'json.x'}, name='decoder')
