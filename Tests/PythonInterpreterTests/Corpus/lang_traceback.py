def level3(x):
    return x["missing"]
def level2(x):
    return level3(x) + 1
def level1():
    data = {"present": 1}
    return level2(data)
class Thing:
    def method(self):
        return level1()
try:
    Thing().method()
except KeyError as e:
    print("caught once", e)
def gen():
    yield 1
    raise ValueError("from generator")
for v in gen():
    print("got", v)
