# Calling a C method descriptor without its self argument (3.11's wording per kind).
for call in (lambda: dict.update(), lambda: dict.get(), lambda: list.append(),
             lambda: str.join(), lambda: dict.fromkeys.__func__ if False else None,
             lambda: dict.__dict__["fromkeys"](), lambda: object.__init__.__call__(),
             lambda: int.__add__(), lambda: list.__len__()):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
