# format() of str with the format-spec mini-language
for spec in ["", "s", "10", "<10", ">10", "^10", "*^9", ".2", "10.2", "é>5"]:
    print(repr(spec), repr(format("abc", spec)))
for spec in ["+", "#", "=5", ",", "d", "z", "_"]:
    try:
        print(format("abc", spec))
    except ValueError as e:
        print(e)
