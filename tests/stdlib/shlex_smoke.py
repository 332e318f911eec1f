import shlex
print(shlex.split("ls -l 'my file' \"x y\" a\\ b # c"), shlex.split("a # c", comments=True), shlex.split("a'b'c"))
print(shlex.quote("it's"), shlex.quote("safe"), shlex.quote(""), shlex.join(["a b", "c"]))
lx = shlex.shlex("a=b; c && d", posix=True, punctuation_chars=True); print(list(lx))
l2 = shlex.shlex("x 'y z'"); print(l2.get_token(), l2.get_token(), l2.get_token() == l2.eof)
try:
    shlex.split("'unclosed")
except ValueError as e:
    print(e)
