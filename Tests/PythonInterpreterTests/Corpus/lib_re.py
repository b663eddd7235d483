# re: MicroPython's subset (re1.5 syntax, match objects with group only)
import re


def show(pattern, subject, func=re.match):
    try:
        m = func(pattern, subject)
    except Exception as e:
        print(repr(pattern), type(e).__name__, e)
        return
    if m is None:
        print(repr(pattern), repr(subject), None)
    else:
        print(repr(pattern), repr(subject), repr(m.group(0)))


show(r"(a+)(b*)", "aabbc")
show(r"\d+", "ab123cd", re.search)
show("x", "abc", re.search)
show("b", "abc")
show("a|ab", "ab")
show("a*?b", "aab")
show("a+?", "aaa")
show("a??b", "ab")
show("(?:ab)+", "ababc")
show("[^a-z]+", "AB1c")
show(r"\w+", "ab_9!")
show(r"\s+\S", "  \tx")
show(r"[\d.]+", "3.14x")
show("[a-c-e]+", "ae-d")
show(r"[\]]+", "]]x")
show("(a|b)*c", "abac")
show("$", "ab", re.search)
show("a$", "a\n")
show("^b", "a\nb", re.search)
show(".", "\n")
show("a{2,3}", "a{2,3}")
show(r"\n", "n")
show(r"a\b", "ab")
show("[]a]+", "]a]")
for bad in ["(?P<n>a)", "a**", "(", "[a", "\\", "?", ")"]:
    show(bad, "a")

m = re.match(r"(a+)(b*)(c)?", "aabbd")
print(m.group(0), m.group(1), m.group(2), m.group(3))
try:
    m.group(4)
except IndexError as e:
    print("IndexError", e)
m = re.match(r"((a)|b)+", "ab")
print(m.group(1), m.group(2))

print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.sub("a", lambda m: m.group(0).upper() + "!", "banana"))
print(re.sub("a", "-", "banana", 2))
print(re.sub("(a)", r"\g<1>x", "cat"))
print(re.sub("b*", "-", "abc"), re.sub("a|", "-", "ab"))
print(re.sub("(a)|b", r"[\1]", "ab"))
try:
    re.sub("(a)", r"\2", "a")
except IndexError as e:
    print("IndexError", e)

r = re.compile(r",\s*")
print(r.split("a, b,c,  d"), r.split("a,b,c", 1), re.compile("x*").split("abc"))
print(re.compile(r"\s+").split(" a  b "))
try:
    re.compile("(,)").split("a,b")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(r.match("x") is None, r.search("x, y").group(0) == ", ")

print(re.match(rb"a+", b"aaab").group(0), re.sub(b"a", b"b", b"aa"))
print(re.compile(r"\d").sub(lambda m: str(int(m.group(0)) * 2), "a1b2"))
try:
    re.sub("a", lambda m: 5, "a")
except TypeError:
    print("TypeError")
