# json: loads of every value kind and malformed documents, dumps formatting
import json
def my_print(o):
    if isinstance(o, dict):
        print("sorted dict", sorted(o.items()))
    else:
        print(o)
for t in ["null", "false", "true", "1", "-2", '"abc\\u0064e"', "[]", "[null]", " [ null , false , true ] ", "{}",
          '{"a":true}', '{"a":null, "b":false, "c":true}', '{"a":[], "b":[1], "c":{"3":4}}', '"abc\\bdef"',
          '"abc\\fdef"', '"abc\\rdef"', '"abc\\tdef"', '{\n\t"a":[]\r\n, "b":[1], "c":{"3":4}     \n\r\t\r\r\r\n}',
          "1.5", "-0.25", "1e3", "[1.5e-3, 2E+2]", "123456789012345678901234567890"]:
    my_print(json.loads(t))
for t in ["", '"abc', "]", "a", '{{}:"abc"}', "[null]   a", '{"a":0,', '{"a":0, [', "[0,", '[0, {"a":0, ']:
    try:
        my_print(json.loads(t))
    except ValueError:
        print("ValueError")
print(json.dumps(False), json.dumps(True), json.dumps(None), json.dumps(1), json.dumps("abc"), json.dumps("\x00\x01\x7e"))
print(json.dumps([]), json.dumps([1]), json.dumps([1, 2]), json.dumps([1, True]), json.dumps(()), json.dumps((1,)))
print(json.dumps({}), json.dumps({"a": 1}), json.dumps({"a": (2, [3, None])}), json.dumps('"'), json.dumps("\\"))
print(json.dumps(1.5), json.dumps(-1.25e-10), json.dumps([1.0, 2.5e100]))
print(json.dumps({"a": [1, 2]}, separators=(",", ":")), json.dumps([1, 2], separators=(", ", ": ")))
import io
s = io.StringIO()
json.dump({"a": 1}, s)
print(s.getvalue())
s = io.StringIO("[1, 2]")
print(json.load(s))
print(json.loads(b"[1, 2]"), json.loads(bytearray(b"[3]")))
try:
    json.dumps(1, indent=2)
except TypeError:
    print("TypeError")
from collections import namedtuple, OrderedDict
Point = namedtuple("Point", "x y")


class D(dict):
    pass


class L(list):
    pass


d = D()
d["a"] = 1
print(json.dumps(Point(1, 2)), json.dumps(d), json.dumps(L([1, 2])), json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps(set()))
