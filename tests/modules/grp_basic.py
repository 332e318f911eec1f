# grp: the group database (root is gid 0 everywhere)
import grp
g = grp.getgrgid(0)
print(g, g.gr_name, g.gr_gid, type(g.gr_mem), len(g), grp.struct_group.n_fields)
print(grp.getgrnam('root') == g, grp.getgrgid(id=0) == g, grp.getgrnam(name='root').gr_gid)
print(any(e.gr_gid == 0 for e in grp.getgrall()))
for f in [lambda: grp.getgrnam('no such group zz'), lambda: grp.getgrgid(2**31 - 7), lambda: grp.getgrgid(-5),
          lambda: grp.getgrgid(2**40), lambda: grp.getgrgid(2**70), lambda: grp.getgrgid(1.5), lambda: grp.getgrgid('x'),
          lambda: grp.getgrnam(1), lambda: grp.getgrnam(), lambda: grp.getgrgid(1, 2), lambda: grp.getgrgid(x=1),
          lambda: grp.getgrnam('a\0')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
