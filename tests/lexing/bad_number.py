# A tokenizer error in the main script: reported on stderr, exit status 1, nothing runs.
print("never printed")
x = 0777
