# function calls, closures, recursion
def add(a, b):
    return a + b
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def make_adder(k):
    def adder(x):
        return x + k
    return adder
inc = make_adder(1)
s = 0
for i in range(500000):
    s = add(s, i)
    s = inc(s)
print(s, fib(25))
