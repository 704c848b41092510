"""The backward engine's ready queue: libstdc++'s binary heap (what PyTorch's
``std::priority_queue`` runs on), a max-heap ordered by ``node._seq``.

Replicating ``push_heap``/``pop_heap`` step by step makes even ties between several ready
AccumulateGrad nodes (all of the highest priority) pop in PyTorch's order."""

__all__ = ["heap_push", "heap_pop"]


def sift_up(heap, hole, node):
    """libstdc++ ``__push_heap``: move ``node`` up from ``hole`` while its parent ranks lower."""
    seq = node._seq
    while hole > 0:
        parent = (hole - 1) >> 1
        p = heap[parent]
        if p._seq < seq:
            heap[hole] = p
            hole = parent
        else:
            break
    heap[hole] = node


def heap_push(heap, node):
    heap.append(node)
    sift_up(heap, len(heap) - 1, node)


def heap_pop(heap):
    """libstdc++ ``pop_heap`` + ``pop_back``: the node of the highest ``_seq``."""
    top = heap[0]
    last = heap.pop()
    n = len(heap)
    if n:
        hole = child = 0
        while child < (n - 1) // 2:
            child = 2 * (child + 1)
            if heap[child]._seq < heap[child - 1]._seq:
                child -= 1
            heap[hole] = heap[child]
            hole = child
        if n & 1 == 0 and child == (n - 2) // 2:
            child = 2 * (child + 1)
            heap[hole] = heap[child - 1]
            hole = child - 1
        sift_up(heap, hole, last)
    return top
