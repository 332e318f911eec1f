class AppError(Exception):
    pass
AppError.__module__ = "app.errors"
def run():
    raise AppError("no config")
run()
