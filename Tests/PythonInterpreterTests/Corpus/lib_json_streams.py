# json: stream protocol for dump/load, separators validation, numbers and escapes
import json
import io
class W0:
    def write(self, s):
        return len(s)
try:
    json.dump([1], W0())
except OSError as e:
    print("OSError", e)
for seps in [(",", ":"), (" , ", " : "), ["-", "="], ("", "")]:
    print(json.dumps({"k": [1, 2]}, separators=seps))
for bad in [(",",), 5, None, (1, 2)]:
    try:
        print(json.dumps([1, 2], separators=bad))
    except Exception as e:
        print(type(e).__name__, e)
print(json.dumps(float("nan")), json.dumps(-0.0), json.dumps(2 ** 100), json.dumps([1e-7, 1e300, 123.456]))
print(json.loads(memoryview(b'{"x": [true]}')), json.loads("  \t\n[1]\n"))
print(json.dumps("\u00e9\u20ac\U0001F600") == '"\u00e9\u20ac\U0001F600"')
print(json.dumps({"a": 1}, separators=None))
try:
    json.loads(None)
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps()
except TypeError as e:
    print("TypeError")
print(json.loads('"\\\\"'), json.loads('"\\""'), json.loads('["a\\tb"]'), json.loads('{"": ""}'))
