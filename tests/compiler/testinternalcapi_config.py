# _testinternalcapi: get_config()/get_configs() describe the start-up configuration with
# PyConfig's field names and values (the ones that do not name the interpreter's own files).
import _testinternalcapi, subprocess, sys

NAMES_EXE = {'base_executable', 'executable', 'module_search_paths', 'orig_argv', 'program_name'}

def show(cfg):
    for key in sorted(cfg):
        if key not in NAMES_EXE:
            print(' ', key, repr(cfg[key]))

configs = _testinternalcapi.get_configs()
print(sorted(configs))
for section in ('global_config', 'pre_config'):
    print(section)
    show(configs[section])
print('config')
show(_testinternalcapi.get_config())
print(sorted(configs['config']) == sorted(_testinternalcapi.get_config()))
print(type(_testinternalcapi.get_config()['module_search_paths']))

# the same under options and environment variables, in a child process
code = ("import _testinternalcapi as t; c = t.get_config(); "
        "print(sorted((k, v) for k, v in c.items() if k not in %r))" % (NAMES_EXE,))
for opts in (['-X', 'no_debug_ranges'], ['-E', '-s'], ['-I'], ['-OO', '-b', '-u', '-B'],
             ['-W', 'error', '-X', 'dev'], ['-X', 'tracemalloc=3', '-X', 'frozen_modules=off'],
             ['-X', 'utf8', '-q', '-v'], ['-S', '-P', '-d']):
    out = subprocess.run([sys.executable, *opts, '-c', code, 'arg1'], capture_output=True,
                         text=True).stdout
    print(opts, out)
