# pyexpat: an exception from a handler carries a traceback entry for the C callback
# ("StartElement" in pyexpat.c, between the Parse caller and the handler); ParserCreate's
# argument errors name the argument.
import os, traceback
from xml.parsers import expat

def start(name, attrs):
    raise RuntimeError(name)
def chars(data):
    raise ValueError(data)

for handler, attr, doc in ((start, "StartElementHandler", b"<a><b/></a>"),
                           (chars, "CharacterDataHandler", b"<a>text</a>")):
    p = expat.ParserCreate()
    setattr(p, attr, handler)
    try:
        p.Parse(doc, True)
    except Exception as e:
        entries = traceback.extract_tb(e.__traceback__)
        print(type(e).__name__, e, [(os.path.basename(f.filename), f.name) for f in entries])

for kw in [dict(encoding=1), dict(encoding='utf-8'), dict(encoding='a\0b'),
           dict(namespace_separator=42), dict(namespace_separator='a\0'),
           dict(namespace_separator='ab'), dict(namespace_separator=None),
           dict(namespace_separator=' '), dict(intern=5)]:
    try:
        expat.ParserCreate(**kw)
        print("ok", kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
