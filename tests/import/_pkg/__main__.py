print("running _pkg.__main__")
