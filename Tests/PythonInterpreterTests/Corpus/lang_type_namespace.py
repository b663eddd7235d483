# MicroPython's type carries no methods of its own; a class namespace holds what the body defined
# plus __module__ and __qualname__.
class Foo:
    a = 1
    def b(self):
        pass

print(hasattr(type, 'mro'), type.__dict__ == {}, hasattr(type, '__subclasses__'))
print(Foo.__dict__ == {'a': 1, 'b': Foo.b, '__qualname__': 'Foo', '__module__': '__main__'})
print(sorted(k for k in Foo.__dict__ if not k.startswith('__')))
