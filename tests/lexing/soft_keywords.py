# Soft keywords (match, case, _, type) are ordinary names outside their statement.
match = 1
case = 2
_ = 3
type_ = type
print(match, case, _, type_(match))
def match_(match, case): return match + case
print(match_(match=5, case=6))
match (match, case):
    case (1, 2):
        print("matched (1, 2)")
    case _:
        print("no match")
