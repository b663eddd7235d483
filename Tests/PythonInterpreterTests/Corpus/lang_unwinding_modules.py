# A break/continue in finally cancels a pending return; StopIteration subclasses end
# `yield from` with their value; firmware modules are read-only; some types can't be extended.
def scan(items):
    for x in items:
        try:
            if x > 1:
                return x
        finally:
            if x < 3:
                continue
    return "none found"
print(scan([0, 2, 5, 1]), scan([2, 2]))

def first(items):
    while True:
        try:
            return items[0]
        finally:
            break
print(first([7]))

class Done(StopIteration):
    pass
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise Done("finished")
        self.n -= 1
        return self.n
def relay():
    result = yield from Countdown(3)
    print("relay got", result)
print(list(relay()), list(Countdown(2)))

import sys, math, collections
for module in (sys, math, collections):
    try:
        module.extra = 1
        print(module.__name__, "accepted")
    except AttributeError as e:
        print(module.__name__, e)
import builtins
builtins.extra_builtin = 5
print(extra_builtin)

for base in (type(None), type(len), type(scan), type(relay())):
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(e)
