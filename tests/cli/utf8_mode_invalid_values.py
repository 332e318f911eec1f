# An invalid -X utf8=... or PYTHONUTF8 value is a fatal pre-initialisation error (exit 1);
# an empty PYTHONUTF8 and -E leave the mode alone.
import os, subprocess, sys
code = 'import sys; print(sys.flags.utf8_mode)'
for opts, val in [([], None), (['-X', 'utf8'], None), (['-X', 'utf8=0'], None), (['-X', 'utf8=1'], None),
                  (['-X', 'utf8=2'], None), (['-X', 'utf8=yes'], None), ([], '1'), ([], '0'),
                  ([], 'xxx'), ([], ''), (['-E'], 'xxx'), (['-X', 'utf8=0'], 'xxx')]:
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONUTF8'}
    env['LC_ALL'] = 'C.UTF-8'
    if val is not None:
        env['PYTHONUTF8'] = val
    r = subprocess.run([sys.executable] + opts + ['-c', code], env=env, capture_output=True, text=True)
    print(opts, repr(val), r.returncode, r.stdout.strip(), r.stderr.strip().splitlines())
