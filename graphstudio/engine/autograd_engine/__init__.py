"""Parts of the backward engine (``engine/backward.py``) kept in their own modules: the ready queue
(``ready_queue.py``) and the input buffer of a node with several outputs (``output_buffers.py``)."""
