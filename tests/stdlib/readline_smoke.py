# readline: history list, history files, completer and hooks registration, delimiters,
# argument errors.  (No terminal here: line editing itself is checked through a pty.)
import os
import readline
import tempfile

print("doc mentions readline:", "readline" in readline.__doc__)
print(isinstance(readline._READLINE_VERSION, int))
readline.clear_history()
print(readline.get_current_history_length(), readline.get_history_item(1))
for line in ["first", "second", "third"]:
    readline.add_history(line)
print(readline.get_current_history_length())
print([readline.get_history_item(i) for i in range(0, 5)])
readline.replace_history_item(1, "SECOND")
print([readline.get_history_item(i) for i in range(1, 4)])
readline.remove_history_item(0)
print([readline.get_history_item(i) for i in range(1, 3)])
for bad in [lambda: readline.remove_history_item(-1), lambda: readline.remove_history_item(99),
            lambda: readline.replace_history_item(-1, "x"),
            lambda: readline.replace_history_item(99, "x")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

# history files
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "hist")
    readline.write_history_file(path)
    readline.clear_history()
    print(readline.get_current_history_length())
    readline.read_history_file(path)
    print(readline.get_current_history_length(), readline.get_history_item(2))
    readline.add_history("fourth")
    readline.append_history_file(1, path)
    readline.clear_history()
    readline.read_history_file(path)
    print(readline.get_current_history_length(), readline.get_history_item(3))
    try:
        readline.read_history_file(os.path.join(d, "missing"))
    except OSError as e:
        print(type(e).__name__, e.errno)
    readline.set_history_length(2)
    print(readline.get_history_length())
    readline.write_history_file(path)
    readline.clear_history()
    readline.read_history_file(path)
    print(readline.get_current_history_length(), readline.get_history_item(1))
    readline.set_history_length(-1)

# completion settings
readline.set_completer_delims(" \t(")
print(repr(readline.get_completer_delims()))
print(readline.get_completer())
comp = lambda text, state: None
readline.set_completer(comp)
print(readline.get_completer() is comp)
readline.set_completer()
print(readline.get_completer())
print(readline.get_begidx(), readline.get_endidx())
print(readline.get_line_buffer() == "")
for name in ["set_completer", "set_startup_hook", "set_pre_input_hook",
             "set_completion_display_matches_hook"]:
    fn = getattr(readline, name)
    fn(print)
    fn(None)
    try:
        fn(42)
    except TypeError as e:
        print("TypeError:", e)
readline.set_auto_history(False)
readline.set_auto_history(True)
readline.parse_and_bind("set editing-mode emacs")
for bad in [lambda: readline.add_history(), lambda: readline.set_history_length("x"),
            lambda: readline.get_history_item("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError")
readline.clear_history()
print(readline.get_current_history_length())
