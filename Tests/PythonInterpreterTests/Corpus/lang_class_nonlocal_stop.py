# A class body may declare nonlocal; StopIteration arguments pass through builtin iterators.
def outer():
    label = "outer"
    class Holder:
        nonlocal label
        label = "set by class body"
        def label():
            return "method became the closure"
    return hasattr(Holder, "label"), label()
print(outer())

class Source:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("why", 7)
for name, make in (("map", lambda: map(str, Source())), ("zip", lambda: zip(Source(), [1])),
                   ("enumerate", lambda: enumerate(Source())), ("filter", lambda: filter(None, Source()))):
    try:
        next(make())
    except StopIteration as e:
        print(name, e.args)
    print(name, list(make()), next(make(), "default"))
