# -W options and PYTHONWARNINGS: python3.11 imports `warnings` before `site` when there are
# any, and warnings.py applies them (invalid ones reported, Python-level filters installed).
import os
import subprocess
import sys

def run(*args, env=None, code=''):
    e = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    e.update(env or {})
    r = subprocess.run([sys.executable, '-I', *args, '-c', code], env=e, capture_output=True)
    return r.returncode, r.stdout.decode(), r.stderr.decode()

CHECK = "import sys; print('warnings' in sys.modules, sys.warnoptions)"
print(run(code=CHECK))
print(run('-Wxxx', code=CHECK))
print(run('-Werror', code=CHECK))
print(run('-W', 'ignore::DeprecationWarning', code=CHECK))
print(run('-W', 'error::NoSuchWarning', code=CHECK))
print(run('-W', 'always::UserWarning:mod:notanumber', code=CHECK))
print(run('-S', '-Wxxx', code=CHECK))
# the options take effect for the program
print(run('-Werror', code="import warnings\ntry:\n    warnings.warn('boom')\nexcept UserWarning as e:\n    print('raised', e)"))
print(run('-Wignore', code="import warnings; warnings.warn('quiet'); print('done')"))
print(run('-Wdefault', code="import warnings\nfor i in range(3): warnings.warn('once per line')"))
