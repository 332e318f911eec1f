# dis._find_imports / dis._find_store_names (modulefinder scans code objects with them).
import dis
co = compile('import a.b\nfrom .x import y, z\nfrom m import *\nglobal q\nq = 1\nimport os as o\n'
             'del y\n', 's', 'exec')
print(list(dis._find_imports(co)))
print(list(dis._find_store_names(co)))
import modulefinder, os, tempfile
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'mainmod.py'), 'w') as f:
        f.write('import helper\nfrom helper import thing\nimport nonexistent_module_xyz\n')
    with open(os.path.join(d, 'helper.py'), 'w') as f:
        f.write('thing = 1\nglobal other\nother = 2\n')
    mf = modulefinder.ModuleFinder(path=[d])
    mf.run_script(os.path.join(d, 'mainmod.py'))
    print(sorted(k for k in mf.modules if k in ('helper', '__main__')))
    print(sorted(mf.badmodules))
    print(sorted(mf.modules['helper'].globalnames))
