# placeholder: runs `-m pdb _pdb_target.py` with breakpoint/jump/until commands (pdb_break.cmd, pdb_break.stdin)
