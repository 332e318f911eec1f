# placeholder: runs `-m trace --trace _pdb_target.py` (trace_module.cmd)
