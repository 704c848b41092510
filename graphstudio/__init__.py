"""GraphStudio: build computational graphs and watch autograd work, step by step."""

__version__ = "0.1.0"
