import _pkg.sub.leaf
from _pkg import nothing_here
