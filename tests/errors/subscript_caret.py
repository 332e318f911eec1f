data = {"a": [1, 2]}
value = data["a"][5]
