# %-formatting and format() flags that MicroPython treats in its own way.
for v in (-12, 12, 0):
    print(">%-08.4d<" % v, ">%-+08.4d<" % v, ">%08.4d<" % v, ">%-08d<" % v, ">%-8.3x<" % v)
print(">%-08.2f<" % 1.5, ">%-06s<" % "ab")
for spec, arg in (("{:+c}", 65), ("{: c}", 66), ("{:c}", 67), ("{:+s}", "x")):
    try:
        print(spec.format(arg))
    except ValueError as e:
        print(spec, "ValueError", e)
try:
    eval('f"{1!z}"')
except SyntaxError:
    print("SyntaxError")
print(f"{'q'!r:>5}", f"{3.5!s:<6}|")
