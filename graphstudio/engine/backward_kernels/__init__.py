"""Backward kernels PyTorch records as one node under ``create_graph=True``
(``tanh_backward``, ``mse_loss_backward``...) and prod's zero-safe gradient: each computes on
numpy arrays in an ordinary backward and records itself, differentiably, on Tensors."""
