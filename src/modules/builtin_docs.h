/* Docstrings of the builtins and sys functions in CPython 3.11's internal form
 * ("name(signature)\n--\n\n" + doc: __text_signature__ and __doc__ are split from it),
 * the text python3.11 shows.  Generated once from python3.11; owner: runtime. */
#ifndef KRAIT_BUILTIN_DOCS_H
#define KRAIT_BUILTIN_DOCS_H

#define DOC_builtins___build_class__ \
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n" \
    "\n" \
    "Internal helper function used by the class statement."

#define DOC_builtins___import__ \
    "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n" \
    "           level=0)\n" \
    "--\n" \
    "\n" \
    "Import a module.\n" \
    "\n" \
    "Because this function is meant for use by the Python\n" \
    "interpreter and not for general use, it is better to use\n" \
    "importlib.import_module() to programmatically import a module.\n" \
    "\n" \
    "The globals argument is only used to determine the context;\n" \
    "they are not modified.  The locals argument is unused.  The fromlist\n" \
    "should be a list of names to emulate ``from name import ...``, or an\n" \
    "empty list to emulate ``import name``.\n" \
    "When importing a module from a package, note that __import__('A.B', ...)\n" \
    "returns package A when fromlist is empty, but its submodule B when\n" \
    "fromlist is not empty.  The level argument is used to determine whether to\n" \
    "perform absolute or relative imports: 0 is absolute, while a positive number\n" \
    "is the number of parent directories to search relative to the current module."

#define DOC_builtins_abs \
    "abs($module, x, /)\n" \
    "--\n" \
    "\n" \
    "Return the absolute value of the argument."

#define DOC_builtins_aiter \
    "aiter($module, async_iterable, /)\n" \
    "--\n" \
    "\n" \
    "Return an AsyncIterator for an AsyncIterable object."

#define DOC_builtins_all \
    "all($module, iterable, /)\n" \
    "--\n" \
    "\n" \
    "Return True if bool(x) is True for all values x in the iterable.\n" \
    "\n" \
    "If the iterable is empty, return True."

#define DOC_builtins_anext \
    "anext($module, aiterator, default=<unrepresentable>, /)\n" \
    "--\n" \
    "\n" \
    "async anext(aiterator[, default])\n" \
    "\n" \
    "Return the next item from the async iterator.  If default is given and the async\n" \
    "iterator is exhausted, it is returned instead of raising StopAsyncIteration."

#define DOC_builtins_any \
    "any($module, iterable, /)\n" \
    "--\n" \
    "\n" \
    "Return True if bool(x) is True for any x in the iterable.\n" \
    "\n" \
    "If the iterable is empty, return False."

#define DOC_builtins_ascii \
    "ascii($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return an ASCII-only representation of an object.\n" \
    "\n" \
    "As repr(), return a string containing a printable representation of an\n" \
    "object, but escape the non-ASCII characters in the string returned by\n" \
    "repr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\n" \
    "to that returned by repr() in Python 2."

#define DOC_builtins_bin \
    "bin($module, number, /)\n" \
    "--\n" \
    "\n" \
    "Return the binary representation of an integer.\n" \
    "\n" \
    "   >>> bin(2796202)\n" \
    "   '0b1010101010101010101010'"

#define DOC_builtins_breakpoint \
    "breakpoint(*args, **kws)\n" \
    "\n" \
    "Call sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\n" \
    "whatever arguments are passed.\n" \
    "\n" \
    "By default, this drops you into the pdb debugger."

#define DOC_builtins_callable \
    "callable($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return whether the object is callable (i.e., some kind of function).\n" \
    "\n" \
    "Note that classes are callable, as are instances of classes with a\n" \
    "__call__() method."

#define DOC_builtins_chr \
    "chr($module, i, /)\n" \
    "--\n" \
    "\n" \
    "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."

#define DOC_builtins_compile \
    "compile($module, /, source, filename, mode, flags=0,\n" \
    "        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n" \
    "--\n" \
    "\n" \
    "Compile source into a code object that can be executed by exec() or eval().\n" \
    "\n" \
    "The source code may represent a Python module, statement or expression.\n" \
    "The filename will be used for run-time error messages.\n" \
    "The mode must be 'exec' to compile a module, 'single' to compile a\n" \
    "single (interactive) statement, or 'eval' to compile an expression.\n" \
    "The flags argument, if present, controls which future statements influence\n" \
    "the compilation of the code.\n" \
    "The dont_inherit argument, if true, stops the compilation inheriting\n" \
    "the effects of any future statements in effect in the code calling\n" \
    "compile; if absent or false these statements do influence the compilation,\n" \
    "in addition to any features explicitly specified."

#define DOC_builtins_delattr \
    "delattr($module, obj, name, /)\n" \
    "--\n" \
    "\n" \
    "Deletes the named attribute from the given object.\n" \
    "\n" \
    "delattr(x, 'y') is equivalent to ``del x.y``"

#define DOC_builtins_dir \
    "dir([object]) -> list of strings\n" \
    "\n" \
    "If called without an argument, return the names in the current scope.\n" \
    "Else, return an alphabetized list of names comprising (some of) the attributes\n" \
    "of the given object, and of attributes reachable from it.\n" \
    "If the object supplies a method named __dir__, it will be used; otherwise\n" \
    "the default dir() logic is used and returns:\n" \
    "  for a module object: the module's attributes.\n" \
    "  for a class object:  its attributes, and recursively the attributes\n" \
    "    of its bases.\n" \
    "  for any other object: its attributes, its class's attributes, and\n" \
    "    recursively the attributes of its class's base classes."

#define DOC_builtins_divmod \
    "divmod($module, x, y, /)\n" \
    "--\n" \
    "\n" \
    "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."

#define DOC_builtins_eval \
    "eval($module, source, globals=None, locals=None, /)\n" \
    "--\n" \
    "\n" \
    "Evaluate the given source in the context of globals and locals.\n" \
    "\n" \
    "The source may be a string representing a Python expression\n" \
    "or a code object as returned by compile().\n" \
    "The globals must be a dictionary and locals can be any mapping,\n" \
    "defaulting to the current globals and locals.\n" \
    "If only globals is given, locals defaults to it."

#define DOC_builtins_exec \
    "exec($module, source, globals=None, locals=None, /, *, closure=None)\n" \
    "--\n" \
    "\n" \
    "Execute the given source in the context of globals and locals.\n" \
    "\n" \
    "The source may be a string representing one or more Python statements\n" \
    "or a code object as returned by compile().\n" \
    "The globals must be a dictionary and locals can be any mapping,\n" \
    "defaulting to the current globals and locals.\n" \
    "If only globals is given, locals defaults to it.\n" \
    "The closure must be a tuple of cellvars, and can only be used\n" \
    "when source is a code object requiring exactly that many cellvars."

#define DOC_builtins_format \
    "format($module, value, format_spec='', /)\n" \
    "--\n" \
    "\n" \
    "Return value.__format__(format_spec)\n" \
    "\n" \
    "format_spec defaults to the empty string.\n" \
    "See the Format Specification Mini-Language section of help('FORMATTING') for\n" \
    "details."

#define DOC_builtins_getattr \
    "getattr(object, name[, default]) -> value\n" \
    "\n" \
    "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\n" \
    "When a default argument is given, it is returned when the attribute doesn't\n" \
    "exist; without it, an exception is raised in that case."

#define DOC_builtins_globals \
    "globals($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the dictionary containing the current scope's global variables.\n" \
    "\n" \
    "NOTE: Updates to this dictionary *will* affect name lookups in the current\n" \
    "global scope and vice-versa."

#define DOC_builtins_hasattr \
    "hasattr($module, obj, name, /)\n" \
    "--\n" \
    "\n" \
    "Return whether the object has an attribute with the given name.\n" \
    "\n" \
    "This is done by calling getattr(obj, name) and catching AttributeError."

#define DOC_builtins_hash \
    "hash($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return the hash value for the given object.\n" \
    "\n" \
    "Two objects that compare equal must also have the same hash value, but the\n" \
    "reverse is not necessarily true."

#define DOC_builtins_hex \
    "hex($module, number, /)\n" \
    "--\n" \
    "\n" \
    "Return the hexadecimal representation of an integer.\n" \
    "\n" \
    "   >>> hex(12648430)\n" \
    "   '0xc0ffee'"

#define DOC_builtins_id \
    "id($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return the identity of an object.\n" \
    "\n" \
    "This is guaranteed to be unique among simultaneously existing objects.\n" \
    "(CPython uses the object's memory address.)"

#define DOC_builtins_input \
    "input($module, prompt='', /)\n" \
    "--\n" \
    "\n" \
    "Read a string from standard input.  The trailing newline is stripped.\n" \
    "\n" \
    "The prompt string, if given, is printed to standard output without a\n" \
    "trailing newline before reading input.\n" \
    "\n" \
    "If the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\n" \
    "On *nix systems, readline is used if available."

#define DOC_builtins_isinstance \
    "isinstance($module, obj, class_or_tuple, /)\n" \
    "--\n" \
    "\n" \
    "Return whether an object is an instance of a class or of a subclass thereof.\n" \
    "\n" \
    "A tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\n" \
    "check against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\n" \
    "or ...`` etc."

#define DOC_builtins_issubclass \
    "issubclass($module, cls, class_or_tuple, /)\n" \
    "--\n" \
    "\n" \
    "Return whether 'cls' is derived from another class or is the same class.\n" \
    "\n" \
    "A tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\n" \
    "check against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\n" \
    "or ...``."

#define DOC_builtins_iter \
    "iter(iterable) -> iterator\n" \
    "iter(callable, sentinel) -> iterator\n" \
    "\n" \
    "Get an iterator from an object.  In the first form, the argument must\n" \
    "supply its own iterator, or be a sequence.\n" \
    "In the second form, the callable is called until it returns the sentinel."

#define DOC_builtins_len \
    "len($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return the number of items in a container."

#define DOC_builtins_locals \
    "locals($module, /)\n" \
    "--\n" \
    "\n" \
    "Return a dictionary containing the current scope's local variables.\n" \
    "\n" \
    "NOTE: Whether or not updates to this dictionary will affect name lookups in\n" \
    "the local scope and vice-versa is *implementation dependent* and not\n" \
    "covered by any backwards compatibility guarantees."

#define DOC_builtins_max \
    "max(iterable, *[, default=obj, key=func]) -> value\n" \
    "max(arg1, arg2, *args, *[, key=func]) -> value\n" \
    "\n" \
    "With a single iterable argument, return its biggest item. The\n" \
    "default keyword-only argument specifies an object to return if\n" \
    "the provided iterable is empty.\n" \
    "With two or more arguments, return the largest argument."

#define DOC_builtins_min \
    "min(iterable, *[, default=obj, key=func]) -> value\n" \
    "min(arg1, arg2, *args, *[, key=func]) -> value\n" \
    "\n" \
    "With a single iterable argument, return its smallest item. The\n" \
    "default keyword-only argument specifies an object to return if\n" \
    "the provided iterable is empty.\n" \
    "With two or more arguments, return the smallest argument."

#define DOC_builtins_next \
    "next(iterator[, default])\n" \
    "\n" \
    "Return the next item from the iterator. If default is given and the iterator\n" \
    "is exhausted, it is returned instead of raising StopIteration."

#define DOC_builtins_oct \
    "oct($module, number, /)\n" \
    "--\n" \
    "\n" \
    "Return the octal representation of an integer.\n" \
    "\n" \
    "   >>> oct(342391)\n" \
    "   '0o1234567'"

#define DOC_builtins_open \
    "open($module, /, file, mode='r', buffering=-1, encoding=None,\n" \
    "     errors=None, newline=None, closefd=True, opener=None)\n" \
    "--\n" \
    "\n" \
    "Open file and return a stream.  Raise OSError upon failure.\n" \
    "\n" \
    "file is either a text or byte string giving the name (and the path\n" \
    "if the file isn't in the current working directory) of the file to\n" \
    "be opened or an integer file descriptor of the file to be\n" \
    "wrapped. (If a file descriptor is given, it is closed when the\n" \
    "returned I/O object is closed, unless closefd is set to False.)\n" \
    "\n" \
    "mode is an optional string that specifies the mode in which the file\n" \
    "is opened. It defaults to 'r' which means open for reading in text\n" \
    "mode.  Other common values are 'w' for writing (truncating the file if\n" \
    "it already exists), 'x' for creating and writing to a new file, and\n" \
    "'a' for appending (which on some Unix systems, means that all writes\n" \
    "append to the end of the file regardless of the current seek position).\n" \
    "In text mode, if encoding is not specified the encoding used is platform\n" \
    "dependent: locale.getencoding() is called to get the current locale encoding.\n" \
    "(For reading and writing raw bytes use binary mode and leave encoding\n" \
    "unspecified.) The available modes are:\n" \
    "\n" \
    "========= ===============================================================\n" \
    "Character Meaning\n" \
    "--------- ---------------------------------------------------------------\n" \
    "'r'       open for reading (default)\n" \
    "'w'       open for writing, truncating the file first\n" \
    "'x'       create a new file and open it for writing\n" \
    "'a'       open for writing, appending to the end of the file if it exists\n" \
    "'b'       binary mode\n" \
    "'t'       text mode (default)\n" \
    "'+'       open a disk file for updating (reading and writing)\n" \
    "========= ===============================================================\n" \
    "\n" \
    "The default mode is 'rt' (open for reading text). For binary random\n" \
    "access, the mode 'w+b' opens and truncates the file to 0 bytes, while\n" \
    "'r+b' opens the file without truncation. The 'x' mode implies 'w' and\n" \
    "raises an `FileExistsError` if the file already exists.\n" \
    "\n" \
    "Python distinguishes between files opened in binary and text modes,\n" \
    "even when the underlying operating system doesn't. Files opened in\n" \
    "binary mode (appending 'b' to the mode argument) return contents as\n" \
    "bytes objects without any decoding. In text mode (the default, or when\n" \
    "'t' is appended to the mode argument), the contents of the file are\n" \
    "returned as strings, the bytes having been first decoded using a\n" \
    "platform-dependent encoding or using the specified encoding if given.\n" \
    "\n" \
    "buffering is an optional integer used to set the buffering policy.\n" \
    "Pass 0 to switch buffering off (only allowed in binary mode), 1 to select\n" \
    "line buffering (only usable in text mode), and an integer > 1 to indicate\n" \
    "the size of a fixed-size chunk buffer.  When no buffering argument is\n" \
    "given, the default buffering policy works as follows:\n" \
    "\n" \
    "* Binary files are buffered in fixed-size chunks; the size of the buffer\n" \
    "  is chosen using a heuristic trying to determine the underlying device's\n" \
    "  \"block size\" and falling back on `io.DEFAULT_BUFFER_SIZE`.\n" \
    "  On many systems, the buffer will typically be 4096 or 8192 bytes long.\n" \
    "\n" \
    "* \"Interactive\" text files (files for which isatty() returns True)\n" \
    "  use line buffering.  Other text files use the policy described above\n" \
    "  for binary files.\n" \
    "\n" \
    "encoding is the name of the encoding used to decode or encode the\n" \
    "file. This should only be used in text mode. The default encoding is\n" \
    "platform dependent, but any encoding supported by Python can be\n" \
    "passed.  See the codecs module for the list of supported encodings.\n" \
    "\n" \
    "errors is an optional string that specifies how encoding errors are to\n" \
    "be handled---this argument should not be used in binary mode. Pass\n" \
    "'strict' to raise a ValueError exception if there is an encoding error\n" \
    "(the default of None has the same effect), or pass 'ignore' to ignore\n" \
    "errors. (Note that ignoring encoding errors can lead to data loss.)\n" \
    "See the documentation for codecs.register or run 'help(codecs.Codec)'\n" \
    "for a list of the permitted encoding error strings.\n" \
    "\n" \
    "newline controls how universal newlines works (it only applies to text\n" \
    "mode). It can be None, '', '\\n', '\\r', and '\\r\\n'.  It works as\n" \
    "follows:\n" \
    "\n" \
    "* On input, if newline is None, universal newlines mode is\n" \
    "  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n" \
    "  these are translated into '\\n' before being returned to the\n" \
    "  caller. If it is '', universal newline mode is enabled, but line\n" \
    "  endings are returned to the caller untranslated. If it has any of\n" \
    "  the other legal values, input lines are only terminated by the given\n" \
    "  string, and the line ending is returned to the caller untranslated.\n" \
    "\n" \
    "* On output, if newline is None, any '\\n' characters written are\n" \
    "  translated to the system default line separator, os.linesep. If\n" \
    "  newline is '' or '\\n', no translation takes place. If newline is any\n" \
    "  of the other legal values, any '\\n' characters written are translated\n" \
    "  to the given string.\n" \
    "\n" \
    "If closefd is False, the underlying file descriptor will be kept open\n" \
    "when the file is closed. This does not work when a file name is given\n" \
    "and must be True in that case.\n" \
    "\n" \
    "A custom opener can be used by passing a callable as *opener*. The\n" \
    "underlying file descriptor for the file object is then obtained by\n" \
    "calling *opener* with (*file*, *flags*). *opener* must return an open\n" \
    "file descriptor (passing os.open as *opener* results in functionality\n" \
    "similar to passing None).\n" \
    "\n" \
    "open() returns a file object whose type depends on the mode, and\n" \
    "through which the standard file operations such as reading and writing\n" \
    "are performed. When open() is used to open a file in a text mode ('w',\n" \
    "'r', 'wt', 'rt', etc.), it returns a TextIOWrapper. When used to open\n" \
    "a file in a binary mode, the returned class varies: in read binary\n" \
    "mode, it returns a BufferedReader; in write binary and append binary\n" \
    "modes, it returns a BufferedWriter, and in read/write mode, it returns\n" \
    "a BufferedRandom.\n" \
    "\n" \
    "It is also possible to use a string or bytearray as a file for both\n" \
    "reading and writing. For strings StringIO can be used like a file\n" \
    "opened in a text mode, and for bytes a BytesIO can be used like a file\n" \
    "opened in a binary mode."

#define DOC_builtins_ord \
    "ord($module, c, /)\n" \
    "--\n" \
    "\n" \
    "Return the Unicode code point for a one-character string."

#define DOC_builtins_pow \
    "pow($module, /, base, exp, mod=None)\n" \
    "--\n" \
    "\n" \
    "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n" \
    "\n" \
    "Some types, such as ints, are able to use a more efficient algorithm when\n" \
    "invoked using the three argument form."

#define DOC_builtins_print \
    "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n" \
    "--\n" \
    "\n" \
    "Prints the values to a stream, or to sys.stdout by default.\n" \
    "\n" \
    "  sep\n" \
    "    string inserted between values, default a space.\n" \
    "  end\n" \
    "    string appended after the last value, default a newline.\n" \
    "  file\n" \
    "    a file-like object (stream); defaults to the current sys.stdout.\n" \
    "  flush\n" \
    "    whether to forcibly flush the stream."

#define DOC_builtins_repr \
    "repr($module, obj, /)\n" \
    "--\n" \
    "\n" \
    "Return the canonical string representation of the object.\n" \
    "\n" \
    "For many object types, including most builtins, eval(repr(obj)) == obj."

#define DOC_builtins_round \
    "round($module, /, number, ndigits=None)\n" \
    "--\n" \
    "\n" \
    "Round a number to a given precision in decimal digits.\n" \
    "\n" \
    "The return value is an integer if ndigits is omitted or None.  Otherwise\n" \
    "the return value has the same type as the number.  ndigits may be negative."

#define DOC_builtins_setattr \
    "setattr($module, obj, name, value, /)\n" \
    "--\n" \
    "\n" \
    "Sets the named attribute on the given object to the specified value.\n" \
    "\n" \
    "setattr(x, 'y', v) is equivalent to ``x.y = v``"

#define DOC_builtins_sorted \
    "sorted($module, iterable, /, *, key=None, reverse=False)\n" \
    "--\n" \
    "\n" \
    "Return a new list containing all items from the iterable in ascending order.\n" \
    "\n" \
    "A custom key function can be supplied to customize the sort order, and the\n" \
    "reverse flag can be set to request the result in descending order."

#define DOC_builtins_sum \
    "sum($module, iterable, /, start=0)\n" \
    "--\n" \
    "\n" \
    "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n" \
    "\n" \
    "When the iterable is empty, return the start value.\n" \
    "This function is intended specifically for use with numeric values and may\n" \
    "reject non-numeric types."

#define DOC_builtins_vars \
    "vars([object]) -> dictionary\n" \
    "\n" \
    "Without arguments, equivalent to locals().\n" \
    "With an argument, equivalent to object.__dict__."

#define DOC_sys___breakpointhook__ \
    "breakpointhook(*args, **kws)\n" \
    "\n" \
    "This hook function is called by built-in breakpoint().\n"

#define DOC_sys___displayhook__ \
    "__displayhook__($module, object, /)\n" \
    "--\n" \
    "\n" \
    "Print an object to sys.stdout and also save it in builtins._"

#define DOC_sys___excepthook__ \
    "__excepthook__($module, exctype, value, traceback, /)\n" \
    "--\n" \
    "\n" \
    "Handle an exception by displaying it with a traceback on sys.stderr."

#define DOC_sys___unraisablehook__ \
    "__unraisablehook__($module, unraisable, /)\n" \
    "--\n" \
    "\n" \
    "Handle an unraisable exception.\n" \
    "\n" \
    "The unraisable argument has the following attributes:\n" \
    "\n" \
    "* exc_type: Exception type.\n" \
    "* exc_value: Exception value, can be None.\n" \
    "* exc_traceback: Exception traceback, can be None.\n" \
    "* err_msg: Error message, can be None.\n" \
    "* object: Object causing the exception, can be None."

#define DOC_sys__clear_type_cache \
    "_clear_type_cache($module, /)\n" \
    "--\n" \
    "\n" \
    "Clear the internal type lookup cache."

#define DOC_sys__current_exceptions \
    "_current_exceptions($module, /)\n" \
    "--\n" \
    "\n" \
    "Return a dict mapping each thread's identifier to its current raised exception.\n" \
    "\n" \
    "This function should be used for specialized purposes only."

#define DOC_sys__current_frames \
    "_current_frames($module, /)\n" \
    "--\n" \
    "\n" \
    "Return a dict mapping each thread's thread id to its current stack frame.\n" \
    "\n" \
    "This function should be used for specialized purposes only."

#define DOC_sys__debugmallocstats \
    "_debugmallocstats($module, /)\n" \
    "--\n" \
    "\n" \
    "Print summary info to stderr about the state of pymalloc's structures.\n" \
    "\n" \
    "In Py_DEBUG mode, also perform some expensive internal consistency\n" \
    "checks."

#define DOC_sys__getframe \
    "_getframe($module, depth=0, /)\n" \
    "--\n" \
    "\n" \
    "Return a frame object from the call stack.\n" \
    "\n" \
    "If optional integer depth is given, return the frame object that many\n" \
    "calls below the top of the stack.  If that is deeper than the call\n" \
    "stack, ValueError is raised.  The default for depth is zero, returning\n" \
    "the frame at the top of the call stack.\n" \
    "\n" \
    "This function should be used for internal and specialized purposes\n" \
    "only."

#define DOC_sys__getquickenedcount \
    "_getquickenedcount($module, /)\n" \
    "--\n" \
    "\n"

#define DOC_sys_addaudithook \
    "addaudithook($module, /, hook)\n" \
    "--\n" \
    "\n" \
    "Adds a new audit hook callback."

#define DOC_sys_audit \
    "audit(event, *args)\n" \
    "\n" \
    "Passes the event to any audit hooks that are attached."

#define DOC_sys_breakpointhook \
    "breakpointhook(*args, **kws)\n" \
    "\n" \
    "This hook function is called by built-in breakpoint().\n"

#define DOC_sys_call_tracing \
    "call_tracing($module, func, args, /)\n" \
    "--\n" \
    "\n" \
    "Call func(*args), while tracing is enabled.\n" \
    "\n" \
    "The tracing state is saved, and restored afterwards.  This is intended\n" \
    "to be called from a debugger from a checkpoint, to recursively debug\n" \
    "some other code."

#define DOC_sys_displayhook \
    "displayhook($module, object, /)\n" \
    "--\n" \
    "\n" \
    "Print an object to sys.stdout and also save it in builtins._"

#define DOC_sys_exc_info \
    "exc_info($module, /)\n" \
    "--\n" \
    "\n" \
    "Return current exception information: (type, value, traceback).\n" \
    "\n" \
    "Return information about the most recent exception caught by an except\n" \
    "clause in the current stack frame or in an older stack frame."

#define DOC_sys_excepthook \
    "excepthook($module, exctype, value, traceback, /)\n" \
    "--\n" \
    "\n" \
    "Handle an exception by displaying it with a traceback on sys.stderr."

#define DOC_sys_exception \
    "exception($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the current exception.\n" \
    "\n" \
    "Return the most recent exception caught by an except clause\n" \
    "in the current stack frame or in an older stack frame, or None\n" \
    "if no such exception exists."

#define DOC_sys_exit \
    "exit($module, status=None, /)\n" \
    "--\n" \
    "\n" \
    "Exit the interpreter by raising SystemExit(status).\n" \
    "\n" \
    "If the status is omitted or None, it defaults to zero (i.e., success).\n" \
    "If the status is an integer, it will be used as the system exit status.\n" \
    "If it is another kind of object, it will be printed and the system\n" \
    "exit status will be one (i.e., failure)."

#define DOC_sys_get_asyncgen_hooks \
    "get_asyncgen_hooks($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the installed asynchronous generators hooks.\n" \
    "\n" \
    "This returns a namedtuple of the form (firstiter, finalizer)."

#define DOC_sys_get_coroutine_origin_tracking_depth \
    "get_coroutine_origin_tracking_depth($module, /)\n" \
    "--\n" \
    "\n" \
    "Check status of origin tracking for coroutine objects in this thread."

#define DOC_sys_get_int_max_str_digits \
    "get_int_max_str_digits($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the maximum string digits limit for non-binary int<->str conversions."

#define DOC_sys_getallocatedblocks \
    "getallocatedblocks($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the number of memory blocks currently allocated."

#define DOC_sys_getdefaultencoding \
    "getdefaultencoding($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the current default encoding used by the Unicode implementation."

#define DOC_sys_getdlopenflags \
    "getdlopenflags($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the current value of the flags that are used for dlopen calls.\n" \
    "\n" \
    "The flag constants are defined in the os module."

#define DOC_sys_getfilesystemencodeerrors \
    "getfilesystemencodeerrors($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the error mode used Unicode to OS filename conversion."

#define DOC_sys_getfilesystemencoding \
    "getfilesystemencoding($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the encoding used to convert Unicode filenames to OS filenames."

#define DOC_sys_getprofile \
    "getprofile($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the profiling function set with sys.setprofile.\n" \
    "\n" \
    "See the profiler chapter in the library manual."

#define DOC_sys_getrecursionlimit \
    "getrecursionlimit($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the current value of the recursion limit.\n" \
    "\n" \
    "The recursion limit is the maximum depth of the Python interpreter\n" \
    "stack.  This limit prevents infinite recursion from causing an overflow\n" \
    "of the C stack and crashing Python."

#define DOC_sys_getrefcount \
    "getrefcount($module, object, /)\n" \
    "--\n" \
    "\n" \
    "Return the reference count of object.\n" \
    "\n" \
    "The count returned is generally one higher than you might expect,\n" \
    "because it includes the (temporary) reference as an argument to\n" \
    "getrefcount()."

#define DOC_sys_getsizeof \
    "getsizeof(object [, default]) -> int\n" \
    "\n" \
    "Return the size of object in bytes."

#define DOC_sys_getswitchinterval \
    "getswitchinterval($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the current thread switch interval; see sys.setswitchinterval()."

#define DOC_sys_gettrace \
    "gettrace($module, /)\n" \
    "--\n" \
    "\n" \
    "Return the global debug tracing function set with sys.settrace.\n" \
    "\n" \
    "See the debugger chapter in the library manual."

#define DOC_sys_intern \
    "intern($module, string, /)\n" \
    "--\n" \
    "\n" \
    "``Intern'' the given string.\n" \
    "\n" \
    "This enters the string in the (global) table of interned strings whose\n" \
    "purpose is to speed up dictionary lookups. Return the string itself or\n" \
    "the previously interned string object with the same value."

#define DOC_sys_is_finalizing \
    "is_finalizing($module, /)\n" \
    "--\n" \
    "\n" \
    "Return True if Python is exiting."

#define DOC_sys_set_asyncgen_hooks \
    "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n" \
    "\n" \
    "Set a finalizer for async generators objects."

#define DOC_sys_set_coroutine_origin_tracking_depth \
    "set_coroutine_origin_tracking_depth($module, /, depth)\n" \
    "--\n" \
    "\n" \
    "Enable or disable origin tracking for coroutine objects in this thread.\n" \
    "\n" \
    "Coroutine objects will track 'depth' frames of traceback information\n" \
    "about where they came from, available in their cr_origin attribute.\n" \
    "\n" \
    "Set a depth of 0 to disable."

#define DOC_sys_set_int_max_str_digits \
    "set_int_max_str_digits($module, /, maxdigits)\n" \
    "--\n" \
    "\n" \
    "Set the maximum string digits limit for non-binary int<->str conversions."

#define DOC_sys_setdlopenflags \
    "setdlopenflags($module, flags, /)\n" \
    "--\n" \
    "\n" \
    "Set the flags used by the interpreter for dlopen calls.\n" \
    "\n" \
    "This is used, for example, when the interpreter loads extension\n" \
    "modules. Among other things, this will enable a lazy resolving of\n" \
    "symbols when importing a module, if called as sys.setdlopenflags(0).\n" \
    "To share symbols across extension modules, call as\n" \
    "sys.setdlopenflags(os.RTLD_GLOBAL).  Symbolic names for the flag\n" \
    "modules can be found in the os module (RTLD_xxx constants, e.g.\n" \
    "os.RTLD_LAZY)."

#define DOC_sys_setprofile \
    "setprofile(function)\n" \
    "\n" \
    "Set the profiling function.  It will be called on each function call\n" \
    "and return.  See the profiler chapter in the library manual."

#define DOC_sys_setrecursionlimit \
    "setrecursionlimit($module, limit, /)\n" \
    "--\n" \
    "\n" \
    "Set the maximum depth of the Python interpreter stack to n.\n" \
    "\n" \
    "This limit prevents infinite recursion from causing an overflow of the C\n" \
    "stack and crashing Python.  The highest possible limit is platform-\n" \
    "dependent."

#define DOC_sys_setswitchinterval \
    "setswitchinterval($module, interval, /)\n" \
    "--\n" \
    "\n" \
    "Set the ideal thread switching delay inside the Python interpreter.\n" \
    "\n" \
    "The actual frequency of switching threads can be lower if the\n" \
    "interpreter executes long sequences of uninterruptible code\n" \
    "(this is implementation-specific and workload-dependent).\n" \
    "\n" \
    "The parameter must represent the desired switching delay in seconds\n" \
    "A typical value is 0.005 (5 milliseconds)."

#define DOC_sys_settrace \
    "settrace(function)\n" \
    "\n" \
    "Set the global debug tracing function.  It will be called on each\n" \
    "function call.  See the debugger chapter in the library manual."

#define DOC_sys_unraisablehook \
    "unraisablehook($module, unraisable, /)\n" \
    "--\n" \
    "\n" \
    "Handle an unraisable exception.\n" \
    "\n" \
    "The unraisable argument has the following attributes:\n" \
    "\n" \
    "* exc_type: Exception type.\n" \
    "* exc_value: Exception value, can be None.\n" \
    "* exc_traceback: Exception traceback, can be None.\n" \
    "* err_msg: Error message, can be None.\n" \
    "* object: Object causing the exception, can be None."

#endif
