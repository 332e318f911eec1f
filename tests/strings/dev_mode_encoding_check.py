# Under -X dev, str()/decode/encode look up the encoding and error handler even for
# empty data (bpo-37388, test_unicode.test_check_encoding_errors).
import subprocess, sys
code = r'''
for data in (b'', b'abc'):
    for kw in ({'encoding': 'nope'}, {'errors': 'nope'}, {'encoding': 'latin1', 'errors': 'nope'}):
        try:
            str(data, **kw)
            print('no error', kw)
        except LookupError as e:
            print('LookupError', e)
for data in ('', 'abc'):
    for kw in ({'encoding': 'nope'}, {'errors': 'nope'}, {'encoding': 'ascii', 'errors': 'nope'}):
        try:
            data.encode(**kw)
            print('no error', kw)
        except LookupError as e:
            print('LookupError', e)
'''
for flags in (['-X', 'dev'], []):
    out = subprocess.run([sys.executable, *flags, '-c', code], capture_output=True, text=True)
    print(flags, out.returncode)
    print(out.stdout, end='')
