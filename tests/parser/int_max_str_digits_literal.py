# A decimal literal longer than sys.get_int_max_str_digits() is a SyntaxError with a hint.
import sys
sys.set_int_max_str_digits(4000)
for src, mode in (('3' * 4001, "eval"), ('x = 1\ny = ' + '7' * 4001 + '\n', "exec"),
                  ('3' * 4000, "eval"), ('0x' + 'f' * 5000, "eval"), ('1' * 4001 + '.0', "eval")):
    try:
        r = eval(compile(src, "<s>", mode))
        print("ok", type(r).__name__)
    except (SyntaxError, ValueError) as e:
        print(type(e).__name__, e)
        if isinstance(e, SyntaxError):
            print(e.lineno, e.offset, e.end_lineno, e.end_offset, len(e.text or ""))
