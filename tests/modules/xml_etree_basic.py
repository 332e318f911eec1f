# xml.etree.ElementTree on pyexpat: parse, iterate, find, namespaces, serialize, iterparse
import xml.etree.ElementTree as ET
import io
doc = """<?xml version="1.0"?>
<!-- a comment -->
<root xmlns:h="http://example.com/h" a="1" b='two'>
  <item id="1">first &amp; &lt;best&gt;</item>
  <item id="2"><![CDATA[raw <text>]]></item>
  <h:thing h:attr="x">ns text</h:thing>
  <empty/>
  <?pi target data?>
  tail text &#233;&#x4e2d;
</root>"""
root = ET.fromstring(doc)
print(root.tag, sorted(root.attrib.items()), len(root))
for child in root:
    print(repr(child.tag), child.attrib, repr(child.text), repr(child.tail))
print([e.get("id") for e in root.findall("item")])
print(root.find("{http://example.com/h}thing").attrib)
print(root.findtext("item"))
print(ET.tostring(root.find("item")))
print(ET.tostring(root, encoding="unicode")[:80])
tree = ET.parse(io.BytesIO(doc.encode()))
print(tree.getroot().tag, [e.tag for e in tree.iter()])
events = [(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end", "start-ns", "end-ns"))
          if hasattr(el, "tag")]
print(events[:6])
print([ev for ev, _ in ET.iterparse(io.BytesIO(doc.encode()), events=("start-ns", "end-ns"))])
p = ET.XMLPullParser(events=("start", "end", "comment", "pi"))
for chunk in ("<a><b>x</b>", "<!--c--><?p q?><c/>", "</a>"):
    p.feed(chunk)
    print([(ev, el.tag if isinstance(el.tag, str) else el.tag.__name__) for ev, el in p.read_events()])
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=tb)
parser.feed("<x><!-- hi --><?pi z?><y k='v'/></x>")
r = parser.close()
print(ET.tostring(r))
print(parser.version.startswith("Expat "))
e = ET.Element("top", {"k": "v"})
ET.SubElement(e, "sub").text = "é & <"
print(ET.tostring(e, encoding="utf-8"))
print(ET.canonicalize("<a b='2' a='1'><c/></a>"))
u = ET.fromstring("<u>caf\u00e9 \u4e2d</u>".encode("utf-8"))
print(u.text)
l1 = ET.fromstring(b"<?xml version='1.0' encoding='iso-8859-1'?><t>\xe9</t>")
print(l1.text)
l15 = ET.fromstring(b"<?xml version='1.0' encoding='iso-8859-15'?><t>\xa4</t>")
print(l15.text)
big = "<r>" + "<i>%d</i>" % 5 * 3000 + "</r>"
print(len(ET.fromstring(big)), len(ET.fromstring("<r>" + "x" * 20000 + "</r>").text))
