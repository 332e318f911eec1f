# pass/break/continue in for, while and async-for loops with else clauses (else runs
# only without break), nested loops, and try/except/else/finally in every combination,
# including break/continue/return crossing finally and exceptions raised in handlers.
def loops():
    out = []
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    else:
        out.append('for-else not run')
    for i in range(2):
        pass
    else:
        out.append('for-else')
    n = 0
    while n < 5:
        n += 1
        if n == 2:
            continue
        if n == 4:
            break
        out.append(('w', n))
    else:
        out.append('while-else not run')
    while n < 6:
        n += 1
    else:
        out.append('while-else')
    for a in range(3):
        for b in range(3):
            if b == 1:
                break
            out.append((a, b))
        else:
            out.append('inner else')
        if a == 1:
            continue
    for _ in []:
        out.append('never')
    else:
        out.append('empty for else')
    while False:
        pass
    else:
        out.append('while False else')
    return out


print(loops())


def try_combos(mode):
    out = []
    try:
        out.append('body')
        if mode == 'raise':
            raise ValueError('v')
        if mode == 'other':
            raise KeyError('k')
    except ValueError as e:
        out.append('except ' + str(e))
    except (TypeError, KeyError):
        out.append('except tuple')
    else:
        out.append('else')
    finally:
        out.append('finally')
    return out


for mode in ('ok', 'raise', 'other'):
    print(try_combos(mode))


def try_else_only():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x += 10
    return x


def try_finally_only():
    out = []
    try:
        try:
            raise ValueError
        finally:
            out.append('cleanup')
    except ValueError:
        out.append('propagated')
    return out


def finally_overrides():
    try:
        return 'body'
    finally:
        return 'finally'


def finally_swallows():
    for _ in range(1):
        try:
            raise ValueError
        finally:
            break
    return 'swallowed'


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append('f%d' % i)
    return out


def return_through_nested():
    out = []
    def inner():
        try:
            try:
                return 'r'
            finally:
                out.append('inner finally')
        finally:
            out.append('outer finally')
    return inner(), out


def handler_raises():
    try:
        try:
            raise ValueError('first')
        except ValueError:
            raise KeyError('second')
    except KeyError as e:
        return repr(e), repr(e.__context__)


def except_name_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        return 'cleared: ' + str(e)


def bare_except():
    try:
        {}[1]
    except:
        return 'bare caught'


def break_in_except():
    while True:
        try:
            raise ValueError
        except ValueError:
            break
    return 'after break'


print(try_else_only(), try_finally_only(), finally_overrides(), finally_swallows())
print(continue_in_finally(), return_through_nested(), handler_raises())
print(except_name_cleared(), bare_except(), break_in_except())


def loop_else_with_try():
    for i in range(2):
        try:
            pass
        except Exception:
            break
    else:
        return 'else after try loop'


print(loop_else_with_try())
