# attribute access and method calls on instances
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def scale(self, k):
        self.x *= k
        self.y *= k
v = Vec(1, 2)
w = Vec(3, 4)
acc = 0
for i in range(400000):
    acc += v.dot(w)
    v.x = i % 7
    w.y = v.x + 1
print(acc)
