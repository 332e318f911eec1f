# array.__reduce_ex__ with protocol < 3 returns (type, (typecode, list), dict); the list
# must be owned by the tuple only (a leaked extra reference kept it alive forever).
import array
import sys

for proto in (0, 1, 2):
    for tc in "bdiu":
        a = array.array(tc, "ab" if tc == "u" else [1, 2])
        r = a.__reduce_ex__(proto)
        lst = r[1][1]
        ctl = list(lst)
        holder = (r[1][0], ctl)
        print(proto, tc, lst, sys.getrefcount(lst) - sys.getrefcount(ctl))
