# marshal.dumps/dump raise the "marshal.dumps" audit event (value, version), loads raises
# "marshal.loads" (the bytes), load raises "marshal.load" (no arguments), as 3.11.
import sys, marshal, io
seen = []
sys.addaudithook(lambda e, a: seen.append((e, a)) if e.startswith("marshal") else None)
o = ("a", 1, 2.5, None)
p = marshal.dumps(o)
print(marshal.loads(p) == o, marshal.loads(bytearray(p)) == o)
f = io.BytesIO()
marshal.dump(o, f, 2)
f.seek(0)
print(marshal.load(f) == o)
for e, a in seen:
    print(e, a)
