# -x skips the script's first line (keeping its newline: line numbers stay right).
import os, subprocess, sys, tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'script.py')
    with open(path, 'w') as f:
        f.write('this is not python\nimport sys\nprint(sys.argv[1:])\nraise ValueError("line 4")\n')
    r = subprocess.run([sys.executable, '-x', path, 'a'], capture_output=True, text=True)
    print(r.returncode, r.stdout, r.stderr.replace(d, 'DIR').splitlines()[-3:])
    r = subprocess.run([sys.executable, path], capture_output=True, text=True)
    print(r.returncode, r.stderr.replace(d, 'DIR').splitlines()[-1])
    r = subprocess.run([sys.executable, '-x', '-c',
                        'import _testinternalcapi as t; print(t.get_config()["skip_source_first_line"])'],
                       capture_output=True, text=True)
    print(r.stdout, end='')
