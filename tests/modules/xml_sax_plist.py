# xml.sax (plain and namespace mode, errors) and plistlib on pyexpat
import xml.sax, xml.sax.handler, io, plistlib
class H(xml.sax.handler.ContentHandler):
    def startElement(self, name, attrs):
        print("start", name, dict(attrs))
    def endElement(self, name):
        print("end", name)
    def characters(self, content):
        if content.strip():
            print("chars", repr(content))
xml.sax.parseString(b"<r a='1'><s>text</s><t/></r>", H())
class NH(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, dict(attrs))
    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)
p = xml.sax.make_parser()
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.setContentHandler(NH())
p.parse(io.BytesIO(b"<x:r xmlns:x='urn:x' x:a='1'><x:s/></x:r>"))
try:
    xml.sax.parseString(b"<r><s></r>", H())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e, e.getLineNumber(), e.getColumnNumber())
data = {"name": "krait", "n": 3, "f": 1.5, "ok": True, "list": [1, "two"], "blob": b"\x00\x01"}
x = plistlib.dumps(data)
print(plistlib.loads(x) == data, x[:38])
