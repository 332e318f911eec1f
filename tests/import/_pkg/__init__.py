x = 1
from . import helper
from .sub import leaf
