# Adjacent string literals are concatenated at compile time, across kinds.
n = 3
print("a" 'b' """c""" '''d''')
print("x" f"{n}" "y", f"{n}" f"{n * 2}", r"\n" "\n" == "\\n\n")
print(("multi"
       "line"), len("ab" "cd"))
print(b"by" b"tes", "café" "s")
