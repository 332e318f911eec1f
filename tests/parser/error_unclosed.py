# A file that does not parse: the interpreter reports it and exits with status 1.
print("never runs")
x = [1, 2,
     3
