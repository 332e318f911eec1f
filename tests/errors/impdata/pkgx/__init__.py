from . import sub
VAL = 1
