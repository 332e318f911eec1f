# %-format '*' precision is a C int; format-spec errors name the object's type (test_format).
import sys
for f,a in (('%.*d',(sys.maxsize,1)),('%.*d',(2**31,1)), ('%.2147483648d',1), ('%.*f',(2**31,1.0)), ('%*s',(2**63,'a')), ('%.*s', (3, 'abcdef')), ('%.*d', (-3, 5)), ('%.214748364d', None)):
    try: r = f % a; print(len(r))
    except Exception as e: print(type(e).__name__, e)
for v in (True, 1.5, 2j, 3, 's'):
    try: format(v, '%M')
    except ValueError as e: print(e)
