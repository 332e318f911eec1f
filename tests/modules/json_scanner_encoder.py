# _json.make_scanner / make_encoder: json.loads/dumps through the C paths vs python3.11
import json, _json
from json import scanner, encoder, decoder
from collections import OrderedDict
from decimal import Decimal
print(scanner.make_scanner is _json.make_scanner, encoder.c_make_encoder is _json.make_encoder)
docs = ['{"a": [1, 2.5, -3e2, 1E+2, 0.5e-1, true, false, null], "b": {"c": "d\\u00e9"}}', '[]', '{}', ' [ 1 , { } , [ ] ] ',
        '"x"', '-0', '0', '1.0', '12345678901234567890123', '[NaN, Infinity, -Infinity]', '{"k": 1, "k": 2}', '[1e5, 1e, 2E-]', '3.', '[-]', '01']
for d in docs:
    try:
        print(repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, e.pos)
bad = ['', '[', '[1', '[1,', '[1 2]', '{', '{"a"', '{"a":', '{"a" 1}', '{"a": 1', '{"a": 1,', '{"a": 1 "b"}', '{1: 2}', '[tru]', 'nul', '{"a": [}',
       '"abc', '[1,]', '{"a":1,}', '[1] x', 'Infinit', '-Infinit', '[--1]']
for d in bad:
    try:
        print(repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, e.pos, e.lineno, e.colno)
print(json.loads('{"b": 1, "a": [2]}', object_pairs_hook=OrderedDict), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, NaN]', parse_float=Decimal, parse_int=lambda s: "int:" + s, parse_constant=lambda s: "const:" + s))
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.scan_once('  1', 2), dec.scan_once('{"x": 1}', 0))
for args in [('abc', -1), ('abc', 5), (b'[]', 0)]:
    try:
        print(dec.scan_once(*args))
    except Exception as e:
        print(type(e).__name__, e)
objs = [{"a": [1, 2.5, None, True, False, "é\n"], "b": {"c": ()}}, [], {}, "x", 1, 1.0, 1e300, -0.0, [float("inf"), float("-inf"), float("nan")],
        {1: "a", 2.5: "b", True: "c", None: "d", False: "e"}, {"z": 1, "a": 2, "m": [3]}, [[[[1]]]], (1, (2,)), 10**30, "\U0001f600"]
for o in objs:
    print(json.dumps(o), json.dumps(o, ensure_ascii=False), json.dumps(o, separators=(",", ":")))
print(json.dumps({"z": 1, "a": 2, "m": {"y": 0, "b": 1}}, sort_keys=True), json.dumps({2: 1, 1: 2}, sort_keys=True))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E), json.dumps([Decimal("1.5")], default=str), json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
class IntSub(int):
    def __repr__(self): return "nope"
class FloatSub(float):
    def __repr__(self): return "nope"
print(json.dumps([IntSub(5), FloatSub(2.5), OrderedDict([("b", 1), ("a", 2)])]))
for o, kw in [([float("nan")], dict(allow_nan=False)), ({(1, 2): 3}, {}), ([object()], {}), ({"a": 1, 2: 3}, dict(sort_keys=True))]:
    try:
        print(json.dumps(o, **kw))
    except Exception as e:
        print(type(e).__name__, e)
a = []
a.append(a)
d = {}
d["d"] = d
class Loop(json.JSONEncoder):
    def default(self, o):
        return o
for o, cls in [(a, None), (d, None), (object(), Loop)]:
    try:
        print(json.dumps(o, cls=cls))
    except ValueError as e:
        print("ValueError", e)
print(json.dumps([a], check_circular=False) if False else "skip")
enc = _json.make_encoder(None, str, _json.encode_basestring, None, ": ", ", ", False, False, True)
print(enc({"a": [1, {2: 3}]}, 0), enc.key_separator, enc.sort_keys, enc.markers)
try:
    _json.make_encoder([], str, str, None, ":", ",", False, False, True)
except TypeError as e:
    print(e)
print(json.dumps({"a": 1}, indent=2), json.loads(json.dumps(objs[0])) == {"a": [1, 2.5, None, True, False, "é\n"], "b": {"c": []}})
