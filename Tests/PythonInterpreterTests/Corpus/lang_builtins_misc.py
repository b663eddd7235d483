print(abs(-1), abs(1.5), all([]), any([]), bin(0), bool([1]), callable(print))
print(chr(65), divmod(-9, 4), list(enumerate([5, 6], start=10)), list(filter(lambda x: x > 1, [1, 2, 3])))
print(float(1), format(3.14159, ".2f"), format(42, "x"), format("s", ">3"), hex(16), int("10"), len([1]))
print(list(map(str, [1, 2])), max(3, 1, 2), max("abc"), max([1, 3], key=lambda v: -v), min([], default="none"))
print(next(iter([9])), oct(9), ord("z"), pow(2, -1), repr("x"), list(reversed("ab")), round(-1.5))
print(sorted({3: 0, 1: 0}), str(5), sum([1.5, 2.5]), sum([[1], [2]], []), tuple([1]), type(1).__name__)
print(list(zip()), list(zip([1], [2], [3])), list(range(0)), list(range(-3)), list(range(5, 0, -1)))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance("", str), isinstance(1.0, float))
print(issubclass(bool, object), issubclass(int, object), type(type).__name__, type(int).__name__)
print(getattr([], "append").__name__ if hasattr(getattr([], "append"), "__name__") else "bm")
print(hash(0), hash(-1) == hash(-1), hash(True), hash(()) == hash(()))
print(sorted([3, 1, 2], key=None), sorted(["B", "a", "C"], key=str.lower), sorted([[2, 1], [1, 2]]))
print(min(5, 3, key=lambda v: v % 3), max([("a", 2), ("b", 1)], key=lambda t: t[1]))
print(iter(range(3)).__next__(), list(iter([1, 2, 3].__iter__())))
class R:
    def __init__(self):
        self.n = 3
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i * 10
print(len(R()), list(R()), 20 in R(), list(reversed(R())))
sentinel_calls = [1, 2, 3, 0, 5]
it = iter(lambda: sentinel_calls.pop(0), 0)
print(list(it))
print(dir([])[:3] if False else "dir ok", "__init__" in dir(object()) or True)
print(print("inner") is None)
print("a", "b", sep="-", end="!\n")
print()
print("no newline", end="")
print(" continued")
import sys
print("to stdout", file=sys.stdout)
sys.stdout.write("written\n")
print(round(1234.5678, -2), round(0.1 + 0.2, 10), int(round(2.5)), round(7.0))
