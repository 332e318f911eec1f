# pyexpat handlers: every callback's arguments, buffering, ordered/specified attributes, intern
import pyexpat, io
log = []
doc = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root [
  <!ELEMENT root (a|b)*>
  <!ELEMENT a (#PCDATA)>
  <!ELEMENT b EMPTY>
  <!ATTLIST a x CDATA "dflt" y (p|q) #REQUIRED>
  <!ENTITY ent "entity text">
  <!ENTITY ext SYSTEM "ext.xml">
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<root xmlns="urn:default" xmlns:p="urn:p">
<a y="p">one &ent; two<![CDATA[ <cdata> ]]></a><!-- comment --><?target some data?>
<p:b p:z="1"/>&ext;
</root>
"""
def mk(name):
    def h(*args):
        if name == "ExternalEntityRef" and args[0]:   # context order depends on expat's hash salt
            args = ("\x0c".join(sorted(args[0].split("\x0c"))),) + args[1:]
        log.append((name,) + args)
        return 1
    return h
names = ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
         "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
         "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
         "StartCdataSectionHandler", "EndCdataSectionHandler", "NotStandaloneHandler",
         "ExternalEntityRefHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
         "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler"]
for ns in (None, "|"):
    log.clear()
    p = pyexpat.ParserCreate(namespace_separator=ns)
    for n in names:
        setattr(p, n, mk(n[:-7]))
    print(p.Parse(doc, True))
    for entry in log:
        print(entry)
    print(p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
p = pyexpat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes, p.specified_attributes,
      p.namespace_prefixes, type(p.intern), p.StartElementHandler)
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.Parse("<r>abc&amp;def\nghi</r>", True)
print(chunks)
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse("<r>abc&amp;def\nghi</r>", True)
print(chunks)
for ordered, specified in ((0, 0), (1, 0), (1, 1)):
    p = pyexpat.ParserCreate()
    p.ordered_attributes = ordered
    p.specified_attributes = specified
    p.StartElementHandler = lambda name, attrs: print(name, attrs)
    p.Parse("<!DOCTYPE e [<!ATTLIST e d CDATA 'dv'>]><e b='1' a='2'/>", True)
p = pyexpat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
p.StartElementHandler = lambda name, attrs: print(repr(name), attrs)
p.Parse("<x:e xmlns:x='urn:x' x:a='1'/>", True)
p = pyexpat.ParserCreate(intern=None)
print(p.intern)
d = {}
p = pyexpat.ParserCreate(intern=d)
p.Parse("<e><f/><f/></e>", True)
print(sorted(d))
p = pyexpat.ParserCreate()
p.DefaultHandler = lambda s: print("default", repr(s))
p.Parse("<!DOCTYPE d [<!ENTITY e 'x'>]><d>&e;</d>", True)
p = pyexpat.ParserCreate()
p.DefaultHandlerExpand = lambda s: print("expand", repr(s))
p.Parse("<!DOCTYPE d [<!ENTITY e 'x'>]><d>&e;</d>", True)
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: print("start", n)
print(p.ParseFile(io.BytesIO(b"<a>" + b"<b/>" * 3 + b"</a>")))
p = pyexpat.ParserCreate()
p.SetBase("http://base/")
print(p.GetBase(), p.GetInputContext())
p.StartElementHandler = lambda n, a: print(n, p.GetInputContext()[:10])
p.Parse(b"<ctx a='1'>", False)
p.Parse(b"</ctx>", True)
print(pyexpat.version_info, pyexpat.EXPAT_VERSION, pyexpat.native_encoding)
print(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS, type(pyexpat.ParserCreate()).__name__)
p = pyexpat.ParserCreate()
print(p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS), p.UseForeignDTD())
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda ctx, base, sysid, pubid: (print("ext", ctx, sysid), e := p.ExternalEntityParserCreate(ctx), e.Parse(b"<inner/>", True))[2]
p.StartElementHandler = lambda n, a: print("start", n)
p.Parse(b"<!DOCTYPE r [<!ENTITY x SYSTEM 'x.xml'>]><r>&x;</r>", True)
p = pyexpat.ParserCreate()
p.SkippedEntityHandler = lambda name, is_pe: print("skipped", name, is_pe)
p.Parse(b"<!DOCTYPE r SYSTEM 'r.dtd'><r>&unknown;</r>", True)
