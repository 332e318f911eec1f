"""Selecting one test by dotted name on the command line, quiet mode.
Run through options_select.cmd: krait -m _kunit -q options.Opt.test_keep_fails"""
