# placeholder: this test runs `-m pdb _pdb_target.py` (see pdb_cli.cmd) with commands on stdin
