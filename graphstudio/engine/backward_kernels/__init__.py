"""Backward kernels PyTorch records as one node under ``create_graph=True``
(``tanh_backward``, ``mse_loss_backward``...), prod's zero-safe gradient (with ``cumprod`` and
``flip``) and the scatter-style ops backward formulas call (``scatter``, ``gather``,
``index_add``): each computes on numpy arrays in an ordinary backward and records itself,
differentiably, on Tensors."""
