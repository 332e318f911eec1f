import json
obj = {"a": [1, 2.5, None, True, False], "b": {"c": "d\u00e9\n\"q\""}, "e": [], "f": {}, "g": -0.0, "h": 10**20}
s = json.dumps(obj)
print(s)
print(json.dumps(obj, indent=2, sort_keys=True))
print(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
print(json.loads(s) == obj, json.loads('[1, 2.0, "x", {"k": null}]'))
print(json.loads('"\\ud83d\\ude00"'), json.dumps("\U0001f600"), json.loads("1e400"), json.dumps(float("inf")))
try:
    json.loads('{"a": }')
except json.JSONDecodeError as e:
    print(e, e.pos, e.lineno, e.colno)
try:
    json.dumps({1j: 1})
except TypeError as e:
    print(e)
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=E), json.dumps({1: 2, None: 3}))
print(json.loads('{"a": 1.5}', parse_float=str, object_pairs_hook=list))
print(json.JSONDecoder().raw_decode('[1] rest'))
