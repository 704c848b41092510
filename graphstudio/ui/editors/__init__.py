"""The Inspector's field editors: attributes, tensors (initializer, shape, values) and the
error shown under a refused field."""
