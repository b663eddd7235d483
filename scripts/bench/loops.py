# integer loop with arithmetic and comparisons
total = 0
i = 0
while i < 3000000:
    if i % 3 == 0:
        total += i
    i += 1
for j in range(2000000):
    total ^= j
print(total)
