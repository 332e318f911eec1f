# io.text_encoding(None) is "utf-8" under UTF-8 mode (-X utf8), else "locale".
import io, sys
print(sys.flags.utf8_mode, io.text_encoding(None), io.text_encoding("latin-1"))
