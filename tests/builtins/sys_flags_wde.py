# sys.flags.warn_default_encoding follows -X warn_default_encoding (see .opts)
import sys
print(sys.flags.warn_default_encoding)
print(sys.flags.dev_mode, sys.flags.utf8_mode)
