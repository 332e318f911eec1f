# '%%' only when adjacent (else an unsupported '%' conversion); plain format specs cost no recursion level (test_format, test_unicode).
for f,a in (('%5%',()),('%%',()),('%(a)%',{'a':1}),('% %s',1),('%-%',()),('%.2%',()), ('%l%', ()), ('a%%b%s', 1), ('%s%%', 'x'), ('%(a)s%%', {'a': 1}), ('%%%', ())):
    try: print(repr(f % a))
    except Exception as e: print(type(e).__name__, e)
    try: print(repr(f.encode() % a))
    except Exception as e: print(type(e).__name__, e)
print("0x{:0{:d}X}".format(0x0, 16), "{0:{1}}".format('a', 5))
