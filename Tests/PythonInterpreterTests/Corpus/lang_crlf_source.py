# Windows line endings inside a triple-quoted string become \n
s = """one
two
"""
print(repr(s))
print(len("""a
b"""))
