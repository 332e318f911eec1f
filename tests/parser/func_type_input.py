# ast.parse(mode="func_type"): 3.11's type_expressions -- plain types, then at most one *t, then
# at most one **t, no trailing comma; feature_version=(3, 5) rejects underscored numbers
import ast
for s in ["() -> int", "(int) -> List[str]", "(int, *str, **Any) -> float", "(*int) -> None", "(**int) -> None", "(*int, **str) -> None",
          "(int, *str, *Any) -> float", "(int, **str, Any) -> float", "(**int, **str) -> float", "(int,) -> x", "(*a, b) -> x", "(**a, *b) -> x", "(a, b, c) -> d", "(,) -> x"]:
    try:
        t = ast.parse(s, "<unknown>", "func_type")
        print(s, ast.dump(t))
    except SyntaxError as e:
        print(s, "SyntaxError", e.msg, e.offset)
import ast
for v in ((3, 5), (3, 6)):
    for s in ["x = 1_000", "x = 0x_ff", "x = 1.5_0j", "x = 12"]:
        try:
            ast.parse(s, feature_version=v)
            print(v, s, "ok")
        except SyntaxError as e:
            print(v, s, e.msg, e.offset, e.end_offset)
