# json_roundtrip: json.dumps and json.loads of nested documents (dicts, lists, str with
# escapes and non-ASCII, ints, floats, bools, None), compact and indented, sort_keys.
import json


def make_doc(seed):
    x = seed
    items = []
    for i in range(40):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        items.append({
            "id": x % 100000,
            "name": "item-%d \"q\" \u00e9\u4e2d\\" % i,
            "price": (x % 10000) / 100.0,
            "tags": ["t%d" % (x % 7), "u%d" % (x % 13), None, True, False],
            "dims": {"w": x % 17, "h": x % 19, "ratio": (x % 97) / 7.0},
        })
    return {"version": seed, "items": items, "meta": {"ok": True, "count": len(items)}}


def work(rounds):
    total = 0
    docs = [make_doc(s) for s in range(20)]
    for r in range(rounds):
        for d in docs:
            text = json.dumps(d)
            back = json.loads(text)
            total += len(text) + back["meta"]["count"]
        pretty = json.dumps(docs[r % len(docs)], indent=2, sort_keys=True)
        total += len(pretty) + len(json.loads(pretty)["items"])
        total += len(json.dumps(docs[r % 3], ensure_ascii=False))
    return total


print(work(300))
