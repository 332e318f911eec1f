# ElementTree ParseError and pyexpat ExpatError: messages, code, position
import xml.etree.ElementTree as ET
import xml.parsers.expat as expat
for bad in ["<a>", "<a></b>", "<a x='1' x='2'/>", "", "<a>&undefined;</a>", "<a/><b/>",
            "<a>\n  <b>\n</a>", "not xml", "<a b=c/>", "<?xml version='1.0' encoding='bogus-enc'?><a/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), "->", e, e.code, e.position)
p = expat.ParserCreate()
try:
    p.Parse(b"<a><b></a>", True)
except expat.ExpatError as e:
    print(type(e).__name__, e, e.code, e.lineno, e.offset)
    print(expat.errors.messages[e.code], expat.ErrorString(e.code))
    print(e.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH])
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
print(expat.error is expat.ExpatError, expat.ExpatError.__module__, expat.ExpatError.__name__)
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.XML_ERROR_NO_ELEMENTS)
print(expat.model.XML_CTYPE_SEQ, expat.model.XML_CQUANT_PLUS)
print(len(expat.errors.codes), expat.ErrorString(0), expat.ErrorString(9999))
for kw in [dict(namespace_separator="ab"), dict(intern=[1])]:
    try:
        expat.ParserCreate(**kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
def boom(name, attrs):
    raise KeyError(name)
p.StartElementHandler = boom
try:
    p.Parse("<x><y/></x>", True)
except KeyError as e:
    print("KeyError", e, p.StartElementHandler)
p = expat.ParserCreate()
for v in (0, -5, "x"):
    try:
        p.buffer_size = v
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class R:
    def read(self, n):
        return "text"
try:
    expat.ParserCreate().ParseFile(R())
except TypeError as e:
    print("TypeError", e)
try:
    expat.ParserCreate().ParseFile(42)
except TypeError as e:
    print("TypeError", e)
