# Calling builtin methods with too few arguments raises TypeError (never stops the board).
import math
calls = ['[].append()', '[].insert(1)', '{}.get()', '{}.pop()', '{}.setdefault()', 'dict.fromkeys()',
         'set().add()', "'ab'.startswith()", "b'ab'.find()", "b'ab'.count()", "bytearray(b'a').startswith()",
         'int.to_bytes()', 'math.sqrt()', "str.lstrip()", "'a'.join()"]
for c in calls:
    try:
        eval(c)
        print('ok', c)
    except TypeError:
        print('TypeError', c)
