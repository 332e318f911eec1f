from . import missing_thing
