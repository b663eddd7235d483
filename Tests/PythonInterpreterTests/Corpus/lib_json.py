# json: MicroPython's lenient parser and its dumps formatting
import json
import io

for text in ['[1, 2.5, -3e2, true, false, null, "x\\u0041\\n"]', '1', ' [ ] ', '{}', '"\\u0041\\/"',
             '12345678901234567890123', '1.0', '-0', '[1 2]', '[1,]', '{"a" 1}', '{"a"}', '[:]', '{1:2}',
             '01', '1.', '1e400', '[[[]]]', '"\\x"', '{"a":1}']:
    print(repr(text), repr(json.loads(text)))
print(json.loads('"\\u00e9\\u20ac"') == '\u00e9\u20ac')
for bad in ['tru', '', '"abc', "'a'", 'NaN', '.5', '[1] x', '1 2', '-', '1-2', '2.5e', '[1.5.5]', 'nulll', '0x10']:
    try:
        json.loads(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)

for value in [[1, 2.5, None, True, False, 'x"\\\n\t\x01'], (1, 2), 'ü', 1e20, 10 ** 30, {1: 2}, {}, [],
              [[]], {'a': {}}, 1.0, -0.0, {None: 1}, 0.1 + 0.2, float('inf')]:
    print(json.dumps(value))
print(json.dumps([1, {'a': 2}], separators=(',', ':')))
print(json.dumps({'a': [1, 2]}, separators=(';', '=')))
s = io.StringIO()
json.dump([{'k': [1, 'two']}], s)
print(s.getvalue())
print(json.load(io.StringIO('[1, "2"]')), json.loads(b'[1]'))
print(json.loads(json.dumps({'nested': [1, [2, [3, {'deep': None}]]]})))
