/// The `heapq` module, written in Python: its comparisons must go through the interpreter's `<`
/// (user classes with `__lt__`), which Python source gets for free.
let heapqPythonSource = #"""
# heapq for the uremote simulator: a binary min-heap kept in a list, with MicroPython's
# functions and messages. Comparisons use only `<`, like MicroPython's.


def _check(heap):
    if type(heap) is not list:
        raise TypeError("heap must be a list")


def _sift_toward_root(heap, root, pos):
    item = heap[pos]
    while pos > root:
        parent = (pos - 1) >> 1
        above = heap[parent]
        if item < above:
            heap[pos] = above
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # Move the hole at pos down to a leaf along smaller children, then let the item rise:
    # fewer comparisons than stopping early, and the same layout MicroPython produces.
    end = len(heap)
    root = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, root, pos)


def heappush(heap, item):
    _check(heap)
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    _check(heap)
    if not heap:
        raise IndexError("empty heap")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return top
    return last


def heapify(heap):
    _check(heap)
    for pos in range(len(heap) // 2 - 1, -1, -1):
        _sift_toward_leaves(heap, pos)
"""#
