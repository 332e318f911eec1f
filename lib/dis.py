"""Disassembler of Krait bytecode (CPython's dis API and output style).

Owner: compiler-vm.  The opcode tables come from lib/opcode.py, generated from
include/opcode.h.  Krait's code units are 16 bits (opcode, argument) with EXTENDED_ARG
prefixes; jump arguments count code units (relative jumps from the next instruction).
Krait keeps a block stack instead of an exception table, so there is no ExceptionTable
section; SETUP_* instructions show their handler as a jump target instead."""

import sys

import opcode as _opcode
from opcode import *
from opcode import _nb_ops

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode", "Positions",
           "pretty_flags", "COMPILER_FLAG_NAMES"] + _opcode.__all__

_have_code = (type(lambda: 0).__code__.__class__, type, type(lambda: 0),
              classmethod, staticmethod)

FORMAT_VALUE = opmap['FORMAT_VALUE']
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
LOAD_CONST = opmap['LOAD_CONST']
BINARY_OP = opmap['BINARY_OP']

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def _try_compile(source, name):
    """Compile source as an expression if possible, else as statements."""
    try:
        c = compile(source, name, 'eval')
    except SyntaxError:
        c = compile(source, name, 'exec')
    return c


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code objects, source
    strings or raw bytecode; with no argument, the last traceback."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, '__func__'):      # method
        x = x.__func__
    if hasattr(x, '__code__'):      # function
        x = x.__code__
    if hasattr(x, 'gi_code'):       # generator
        x = x.gi_code
    elif hasattr(x, 'ag_code'):     # async generator
        x = x.ag_code
    elif hasattr(x, 'cr_code'):     # coroutine
        x = x.cr_code
    if hasattr(x, '__dict__'):      # class or module
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file)
    elif isinstance(x, str):
        _disassemble_str(x, file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    if hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % co.co_name)
    lines.append("Filename:          %s" % co.co_filename)
    lines.append("Argument count:    %s" % co.co_argcount)
    lines.append("Positional-only arguments: %s" % co.co_posonlyargcount)
    lines.append("Kw-only arguments: %s" % co.co_kwonlyargcount)
    lines.append("Number of locals:  %s" % co.co_nlocals)
    lines.append("Stack size:        %s" % co.co_stacksize)
    lines.append("Flags:             %s" % pretty_flags(co.co_flags))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to file (default stdout)."""
    print(code_info(co), file=file)


class Positions(tuple):
    """Source span of an instruction: lineno, end_lineno, col_offset, end_col_offset."""
    __slots__ = ()
    _fields = ('lineno', 'end_lineno', 'col_offset', 'end_col_offset')

    def __new__(cls, lineno=None, end_lineno=None, col_offset=None, end_col_offset=None):
        return tuple.__new__(cls, (lineno, end_lineno, col_offset, end_col_offset))

    lineno = property(lambda self: self[0])
    end_lineno = property(lambda self: self[1])
    col_offset = property(lambda self: self[2])
    end_col_offset = property(lambda self: self[3])

    def __repr__(self):
        return ('Positions(lineno=%r, end_lineno=%r, col_offset=%r, end_col_offset=%r)'
                % tuple(self))


_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


class Instruction(tuple):
    """Details for a bytecode operation.

    opname, opcode, arg, argval, argrepr, offset (byte index), starts_line (or None),
    is_jump_target, positions (a Positions)."""
    __slots__ = ()
    _fields = ('opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
               'starts_line', 'is_jump_target', 'positions')

    def __new__(cls, opname, opcode, arg, argval, argrepr, offset, starts_line,
                is_jump_target, positions=None):
        return tuple.__new__(cls, (opname, opcode, arg, argval, argrepr, offset,
                                   starts_line, is_jump_target, positions))

    opname = property(lambda self: self[0])
    opcode = property(lambda self: self[1])
    arg = property(lambda self: self[2])
    argval = property(lambda self: self[3])
    argrepr = property(lambda self: self[4])
    offset = property(lambda self: self[5])
    starts_line = property(lambda self: self[6])
    is_jump_target = property(lambda self: self[7])
    positions = property(lambda self: self[8])

    def __repr__(self):
        return 'Instruction(' + ', '.join(
            '%s=%r' % (name, value) for name, value in zip(self._fields, self)) + ')'

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """Format instruction details for inclusion in disassembly output."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                lineno_fmt = "%%%dd" % lineno_width
                fields.append(lineno_fmt % self.starts_line)
            else:
                fields.append(' ' * lineno_width)
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator over the Instructions of a function, method, code object or source."""
    co = _get_code_object(x)
    linestarts = dict(findlinestarts(co))
    if first_line is not None:
        line_offset = first_line - co.co_firstlineno
    else:
        line_offset = 0
    return _get_instructions_bytes(co.co_code, co.co_varnames, co.co_names,
                                   co.co_consts, co.co_cellvars + co.co_freevars,
                                   linestarts, line_offset,
                                   co_positions=co.co_positions())


def _get_const_info(const_index, const_list):
    argval = const_index
    if const_list is not None:
        argval = const_list[const_index]
    return argval, repr(argval)


def _get_name_info(name_index, name_list):
    if name_list is not None:
        argval = name_list[name_index]
        return argval, argval
    return name_index, ''


def _unpack_opargs(code):
    """Yield (offset, opcode, arg) for each instruction; EXTENDED_ARG prefixes are
    yielded too, and their value is folded into the following argument."""
    extended_arg = 0
    for i in range(0, len(code), 2):
        op = code[i]
        arg = code[i + 1] | extended_arg
        extended_arg = (arg << 8) if op == EXTENDED_ARG else 0
        yield (i, op, arg if op in hasarg else None)


def _get_const_value(op, arg, co_consts):
    """The constant a LOAD_CONST loads (modulefinder reads import arguments this way)."""
    assert op in hasconst
    return co_consts[arg]


def _find_imports(co):
    """Find import statements in the code

    Generate triplets (name, level, fromlist) where
    name is the imported module and level, fromlist are
    the corresponding args to __import__.
    """
    IMPORT_NAME = opmap['IMPORT_NAME']
    consts = co.co_consts
    names = co.co_names
    opargs = [(op, arg) for _, op, arg in _unpack_opargs(co.co_code)
              if op != EXTENDED_ARG]
    for i, (op, oparg) in enumerate(opargs):
        if op == IMPORT_NAME and i >= 2:
            from_op = opargs[i - 1]
            level_op = opargs[i - 2]
            if from_op[0] in hasconst and level_op[0] in hasconst:
                level = _get_const_value(level_op[0], level_op[1], consts)
                fromlist = _get_const_value(from_op[0], from_op[1], consts)
                yield (names[oparg], level, fromlist)


def _find_store_names(co):
    """Find names of variables which are written in the code

    Generate sequence of strings
    """
    STORE_OPS = {opmap['STORE_NAME'], opmap['STORE_GLOBAL']}
    names = co.co_names
    for _, op, arg in _unpack_opargs(co.co_code):
        if op in STORE_OPS:
            yield names[arg]


def _jump_target(offset, op, arg):
    """Byte offset a jump goes to (arguments count 16-bit code units)."""
    if op in hasjrel:
        return offset + 2 + arg * 2
    return arg * 2


def findlabels(code):
    """Byte offsets that are jump targets (including SETUP_* handlers)."""
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is not None and (op in hasjrel or op in hasjabs):
            label = _jump_target(offset, op, arg)
            if label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """Yield (offset, lineno) pairs where a new source line starts."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _get_instructions_bytes(code, varnames=None, names=None, co_consts=None,
                            cells=None, linestarts=None, line_offset=0,
                            co_positions=None):
    co_positions = co_positions or iter(())
    labels = set(findlabels(code))
    starts_line = None
    for offset, op, arg in _unpack_opargs(code):
        if linestarts is not None:
            starts_line = linestarts.get(offset, None)
            if starts_line is not None:
                starts_line += line_offset
        is_jump_target = offset in labels
        argval = None
        argrepr = ''
        positions = Positions(*next(co_positions, ()))
        if arg is not None:
            argval = arg
            if op in hasconst:
                argval, argrepr = _get_const_info(arg, co_consts)
            elif op in hasname:
                argval, argrepr = _get_name_info(arg, names)
            elif op in hasjrel or op in hasjabs:
                argval = _jump_target(offset, op, arg)
                argrepr = "to " + repr(argval)
            elif op in haslocal:
                argval, argrepr = _get_name_info(arg, varnames)
            elif op in hascompare:
                argval = cmp_op[arg]
                argrepr = argval
            elif op in hasfree:
                argval, argrepr = _get_name_info(arg, cells)
            elif op == FORMAT_VALUE:
                argval, argrepr = FORMAT_VALUE_CONVERTERS[arg & 0x3]
                argval = (argval, bool(arg & 0x4))
                if argval[1]:
                    if argrepr:
                        argrepr += ', '
                    argrepr += 'with format'
            elif op == MAKE_FUNCTION:
                argrepr = ', '.join(s for i, s in enumerate(MAKE_FUNCTION_FLAGS)
                                    if arg & (1 << i))
            elif op == BINARY_OP:
                _, argrepr = _nb_ops[arg]
            # (IS_OP / CONTAINS_OP: no argrepr, as 3.11's dis)
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, starts_line,
                          is_jump_target, positions)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    linestarts = dict(findlinestarts(co))
    _disassemble_bytes(co.co_code, lasti, co.co_varnames, co.co_names, co.co_consts,
                       co.co_cellvars + co.co_freevars, linestarts, file=file,
                       co_positions=co.co_positions())


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, 'co_code'):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def _disassemble_bytes(code, lasti=-1, varnames=None, names=None, co_consts=None,
                       cells=None, linestarts=None, *, file=None, line_offset=0,
                       co_positions=None):
    show_lineno = bool(linestarts)
    if show_lineno:
        maxlineno = max(linestarts.values()) + line_offset
        if maxlineno >= 1000:
            lineno_width = len(str(maxlineno))
        else:
            lineno_width = 3
    else:
        lineno_width = 0
    maxoffset = len(code) - 2
    if maxoffset >= 10000:
        offset_width = len(str(maxoffset))
    else:
        offset_width = 4
    for instr in _get_instructions_bytes(code, varnames, names, co_consts, cells,
                                         linestarts, line_offset=line_offset,
                                         co_positions=co_positions):
        new_source_line = (show_lineno and instr.starts_line is not None
                           and instr.offset > 0)
        if new_source_line:
            print(file=file)
        is_current_instr = instr.offset == lasti
        print(instr._disassemble(lineno_width, is_current_instr, offset_width),
              file=file)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


disco = disassemble                     # XXX For backwards compatibility


class Bytecode:
    """The bytecode operations of a piece of code.

    Iterating over this yields the bytecode operations as Instruction instances."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        co = self.codeobj
        return _get_instructions_bytes(co.co_code, co.co_varnames, co.co_names,
                                       co.co_consts, co.co_cellvars + co.co_freevars,
                                       self._linestarts, line_offset=self._line_offset,
                                       co_positions=co.co_positions())

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        co = self.codeobj
        if self.current_offset is not None:
            offset = self.current_offset
        else:
            offset = -1
        lines = []

        class _Collect:
            def write(self, s):
                lines.append(s)
        _disassemble_bytes(co.co_code, varnames=co.co_varnames, names=co.co_names,
                           co_consts=co.co_consts, cells=co.co_cellvars + co.co_freevars,
                           linestarts=self._linestarts, line_offset=self._line_offset,
                           file=_Collect(), lasti=offset,
                           co_positions=co.co_positions())
        return ''.join(lines)


def _test():
    """Simple test program to disassemble a file."""
    args = sys.argv[1:]
    if args and args[0] != '-':
        with open(args[0], 'rb') as infile:
            source = infile.read()
        name = args[0]
    else:
        source = sys.stdin.buffer.read()
        name = '<stdin>'
    code = compile(source, name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
