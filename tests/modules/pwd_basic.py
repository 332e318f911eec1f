# pwd: the password database (root is uid 0 everywhere)
import pwd
r = pwd.getpwnam('root')
print(r, r.pw_uid, r[0], len(r), type(r).__name__, pwd.struct_passwd.n_sequence_fields)
print(pwd.getpwuid(0) == r, pwd.getpwuid(0).pw_dir, isinstance(r, tuple))
print(any(e.pw_name == 'root' for e in pwd.getpwall()))
for f in [lambda: pwd.getpwnam('no such user zz'), lambda: pwd.getpwuid(2**31 - 7), lambda: pwd.getpwuid(-1),
          lambda: pwd.getpwuid('0'), lambda: pwd.getpwuid(1.0), lambda: pwd.getpwuid(2**40),
          lambda: pwd.getpwnam('a\0b'), lambda: pwd.getpwnam(0)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
