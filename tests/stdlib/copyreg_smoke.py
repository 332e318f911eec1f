import copyreg, copy, pickle
class Pt:
    def __init__(self, x): self.x = x
def reduce_pt(p):
    print("reducing"); return (Pt, (p.x * 10,))
copyreg.pickle(Pt, reduce_pt)
print(copy.copy(Pt(1)).x, pickle.loads(pickle.dumps(Pt(2))).x, copyreg.dispatch_table[Pt] is reduce_pt)
print(copyreg.__newobj__.__name__, copyreg._slotnames(Pt), copyreg._reconstructor.__name__)
copyreg.add_extension("mod", "name", 240); print(copyreg._extension_registry[("mod", "name")]); copyreg.remove_extension("mod", "name", 240)
try:
    copyreg.pickle(Pt, 5)
except TypeError as e:
    print(e)
class Sl:
    __slots__ = ("a", "b")
print(copyreg._slotnames(Sl))
