from ..helper import f
val = f() + '-leaf'
