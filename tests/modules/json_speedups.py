# _json: scanstring and encode_basestring(_ascii), and json using them
import _json, json
from json import decoder, encoder
print(decoder.scanstring is _json.scanstring, encoder.encode_basestring is _json.encode_basestring)
for s in ['', 'abc', 'a"b\\c', '\b\f\n\r\t\x00\x1f', 'é€', '😀x', '\x7f\u2028', 'tab\there']:
    print(repr(_json.encode_basestring_ascii(s)), repr(_json.encode_basestring(s)))
for doc, end in [('"abc"', 1), ('x"a\\nb\\u00e9\\ud83d\\ude00"', 2), ('"\\ud800x"', 1), ('"\\/\\"\\\\"', 1),
                 ('"a\\ud83d\\u0041"', 1), ('"é"', 1)]:
    print(_json.scanstring(doc, end))
print(_json.scanstring('"a\tb"', 1, False))
def t(*args):
    try:
        print(_json.scanstring(*args))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'pos', None))
for args in [('"abc', 1), ('"a\tb"', 1), ('"a\\x"', 1), ('"\\u12"', 1), ('"\\u12zz"', 1), ('"\\', 1), ('"a"', 9),
             ('"\\ud83d\\uzzzz"', 1), (b'"a"', 1), ('"a"',)]:
    t(*args)
for f in [_json.encode_basestring, _json.encode_basestring_ascii]:
    try:
        f(1)
    except TypeError as e:
        print(e)
print(json.dumps({"k": ["v\n", "é", 1.5, None, True]}), json.dumps("é😀", ensure_ascii=False))
print(json.loads('{"a": "b\\u00e9", "c": [1, 2.5, "x\\ty"]}'))
try:
    json.loads('["abc')
except json.JSONDecodeError as e:
    print(e, e.pos, e.lineno, e.colno)
