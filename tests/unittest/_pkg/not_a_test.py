raise SystemExit("discovery must not import this (pattern t_*.py)")
