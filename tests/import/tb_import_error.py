import _pkg.badfrom
