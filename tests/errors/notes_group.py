e = ValueError("bad value")
e.add_note("a note")
raise ExceptionGroup("several", [e, TypeError("bad type")])
