# Postfix chains: calls, subscripts and attribute access combined.
data = {"users": [{"name": "ana", "tags": ["a", "b"]}, {"name": "bo", "tags": []}]}
print(data["users"][0]["name"].upper(), data["users"][-1]["tags"], len(data["users"][0]["tags"]))
print("a-b-c".split("-")[1:][0], [1, 2, 3][::-1][0], "xyz".upper().lower()[1])
print(str(12345)[::-1].zfill(8)[2:], (lambda: [lambda: "deep"])()[0]())
print(sorted({"b": 2, "a": 1}.items())[0][1], list(range(10))[2:8][::2])
matrix = [[1, 2], [3, 4]]
matrix[0][1] = matrix[1][0] * 10
print(matrix, matrix[0][1].bit_length(), (3).__add__(4), 1.5.__mul__(2))
