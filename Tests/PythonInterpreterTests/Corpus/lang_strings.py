s = "Hello, World"
print(len(s), s[0], s[-1], s[2:5], s[-5:], s[:100])
print(s.upper(), s.lower())
print(s.find("o"), s.rfind("o"), s.find("xyz"), s.index("W"), s.count("l"), s.count(""))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.startswith("Hell"), s.endswith("ld"))
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "a b c".split(None, 1), "a-b-c".rsplit("-", 1))
print("  x  ".strip(), "xxhixx".strip("x"), "  a".lstrip(), "b  ".rstrip() + "|")
print("-".join(["a", "b", "c"]), "".join(map(str, range(5))))
print("abc".isalpha(), "123".isdigit(), " \t".isspace(), "ABC".isupper(), "abc".islower())
print("x".center(7), "ab".center(7), "abc".center(2))
print("a,b,c".partition(","), "a,b,c".rpartition(","), "abc".partition("x"))
print("line1\nline2\r\nline3".splitlines(), "%s=%d" % ("x", 5), "%5s|%-5s|" % ("ab", "cd"))
print("%x %X %o %c %r %%" % (255, 255, 8, 65, "q"))
print("{0} {1} {0}".format("a", "b"), "{name}!".format(name="x"), "{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:05d} {:,} {:x} {:#x} {:b} {:o}".format(42, 1234567, 255, 255, 5, 8))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\n"), repr("\x00\x7f"))
print("ab" * 3, 3 * "cd", "a" + "b", "abc" < "abd", "Z" < "a", "abc" == "abc")
print("é".encode(), len("héllo"), "héllo"[1], "日本語"[1:], ord("€"), chr(8364))
print(str(123), str([1, "a"]), str(None), str(True), str(b"x"))
print("a" in "abc", "ab" in "abc", "x" not in "abc", "" in "abc")
print("ABC".lower().upper())
x = 42
name = "world"
print(f"hi {name}! {x + 1} {x:5d} {x!r} {name!r:>10} {'nested'} {x * 2}")
print(f"{{literal}} {3.14159:.2f} {[1, 2][0]} {dict(a=1)['a']}")
print(sorted("hello"), list("abc"), tuple("ab"), set("aa") == {"a"})
t = "The quick brown fox"
words = t.split()
print(len(words), max(words, key=len), [w[0] for w in words])
print("a\\b", r"a\nb", "\u00e9", "\x41", "\101")
print("""triple
quoted""", '''single
triple''')
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
