# xml.dom.minidom on pyexpat: parse (entities, CDATA, namespaces), query, serialize
import xml.dom.minidom as minidom
doc = minidom.parseString("""<?xml version="1.0"?>
<!DOCTYPE lib [<!ENTITY who "World">]>
<lib xmlns:q="urn:q"><book id="b1" q:lang="en"><title>Hello &who;</title><!--c--></book>
<book id="b2"><title><![CDATA[<raw>]]></title></book><?proc x?></lib>""")
print(doc.documentElement.tagName, doc.doctype.name)
for b in doc.getElementsByTagName("book"):
    print(b.getAttribute("id"), b.getAttributeNS("urn:q", "lang"), b.getElementsByTagName("title")[0].firstChild.data)
print(doc.documentElement.toxml()[:60])
print(doc.toprettyxml(indent=" ")[:120])
new = minidom.Document()
el = new.createElement("n")
el.setAttribute("a", "<&>")
el.appendChild(new.createTextNode("t & t"))
new.appendChild(el)
print(new.toxml())
