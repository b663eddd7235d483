# Variable annotations: a bare annotation binds nothing but makes the name local in a function.
count: int
print('count' in globals())
count: int = 3
pair: tuple = 1, 2
print(count, pair)

def local_only():
    count: int
    try:
        print(count)
    except NameError as e:
        print('NameError', e)

local_only()

def attribute_target():
    pair.x: int
    return pair

print(attribute_target())
