def f():
    return 'helper'
