import types, sys
print(types.FunctionType, types.LambdaType, types.GeneratorType, types.CoroutineType, types.MethodType, types.BuiltinFunctionType, types.ModuleType)
print(types.CodeType, types.FrameType, types.TracebackType, types.MappingProxyType, types.SimpleNamespace, types.CellType, types.NoneType, types.EllipsisType, types.NotImplementedType)
print(types.GenericAlias, types.UnionType, types.MethodWrapperType, types.WrapperDescriptorType, types.MethodDescriptorType, types.GetSetDescriptorType, types.MemberDescriptorType, types.ClassMethodDescriptorType)
ns = types.SimpleNamespace(a=1, b="x"); ns.c = [2]; print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[2]))
mp = types.MappingProxyType({"k": 1}); print(mp, mp["k"], dict(mp))
try:
    mp["k"] = 2
except TypeError as e:
    print(e)
m = types.ModuleType("mymod", "doc"); m.x = 1; print(m, m.__name__, m.__doc__, m.x)
class A:
    def f(self): return "bound"
print(types.MethodType(A.f, A())(), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType))
C = types.new_class("C", (A,), {}, lambda ns: ns.update(z=3)); print(C, C.z, C().f())
print(types.resolve_bases((A, int)), types.prepare_class("D", (A,))[0])
@types.coroutine
def co(): yield 1
print(types.DynamicClassAttribute.__name__, type(co).__name__)
try:
    raise ValueError
except ValueError:
    tb = sys.exc_info()[2]
print(type(tb) is types.TracebackType, type(tb.tb_frame) is types.FrameType, type(co.__code__) is types.CodeType)
