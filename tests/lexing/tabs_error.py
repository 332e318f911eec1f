# Inconsistent tabs and spaces are a TabError raised before anything runs.
print("never printed")
if True:
        x = 1
	y = 2
