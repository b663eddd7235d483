# re: character classes, escapes, sub templates, module functions on str/bytes/compiled
import re
r = re.compile(".+")
m = r.match("abc")
print(m.group(0))
str(r); str(m)
print(re.match("[-a]+", "-a]d").group(0), re.match("[a-]+", "-a]d").group(0))
print(re.compile("^b|b$").search("abc"))
for p, s in [(r"a\.c", "a.c"), (r"[a\-z]", "abc"), (r"[.\]]*", ".].]a"), (r"[.\]+]*", ".]+.]a"), (r"[a-f0-9x\-yz]*", "abxcd1-23"), (r"[a\\b]*", "a\\aa\\bb\\bbab")]:
    print(re.match(p, s).group(0))
print(re.search(r"[a\-z]", "f") is None, re.search(r"[a\]z]", "a").group(0))
for p in [r"[-a]", r"[a-]", r"[ax\-]", r"[a\-x]", r"[\-ax]"]:
    print(re.compile(p).split("foo-bar"))
for f in (re.match, re.search):
    print(f(".", "foo").group(0), f(b".", b"foo").group(0), f(re.compile("."), "foo").group(0))
    try:
        f(123, "a")
    except TypeError:
        print("TypeError")
print(re.sub(r"\d+", lambda m: str(int(m.group(0)) * 2), "10 20 30"))
print(re.sub(r"def\s+([a-zA-Z_][a-zA-Z_0-9]*)\s*\(\s*\):", "static \\1(void)\n", "\ndef myfunc():\ndef f2():"))
print(re.sub("(abc)", r"\g<1>\g<1>", "abc"), re.sub("a", "b", "c"), re.sub("a", "b", "1a2a3a", 2))
try:
    re.sub("(a)", "b\\199999999999999999999999999999999999999", "a")
except Exception as e:
    print(type(e).__name__)
print(re.sub(re.compile("a"), "a", "a"), re.sub("b", "\\\\b", "abc"), re.sub("^ab", "*", "abababcabab"), re.sub("^ab|cab", "*", "abababcabab"))
print(re.match("(a)|b", "b").group(1))
m = re.match(r"(([0-9]*)([a-z]*)[0-9]*)", "1234hello567")
print(m.group(0), m.group(1), m.group(2), m.group(3))
print(re.compile(r"\s").split("a b  c"), re.compile(",").split("a,b,c", 5))
try:
    re.compile(r"(a)").split("a")
except Exception as e:
    print(type(e).__name__)
print(re.match(r"\w+\s+\d+", "abc  123x").group(0), re.match(r"[\d\s]+", "1 2 3x").group(0))
print(re.search(r"(\d+)-(\d+)", "tel 555-1234 ok").group(2))
try:
    re.match("(", "")
except ValueError as e:
    print("ValueError", e)
print(re.match("a" * 50, "a" * 50) is not None)
try:
    re.match("(a*)*$", "aaaa")
except RuntimeError as e:
    print("RuntimeError", e)
