import _pkg.raises
