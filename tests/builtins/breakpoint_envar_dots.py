# breakpoint() with $PYTHONBREAKPOINT naming no module part ('.', '.foo') only warns, as
# an unimportable name does (RuntimeWarning), in a child interpreter per value.
import subprocess, sys, os
for envar in ['.', '..', '.foo', 'foo.', '.int', 'int.', '.foo.bar', '..foo.bar', '/./',
              'nosuchbuiltin', 'nosuchmodule.nosuchcallable', 'builtins.print', 'print', '0']:
    env = dict(os.environ, PYTHONBREAKPOINT=envar)
    r = subprocess.run([sys.executable, '-c', 'print(breakpoint("hook", "arg"))'], env=env,
                       capture_output=True, text=True)
    print(repr(envar), r.returncode, r.stdout.strip(), r.stderr.strip().splitlines()[-1:])
