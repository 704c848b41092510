"""Grad mode: ``no_grad``, ``enable_grad``, ``set_grad_enabled``, ``is_grad_enabled``.

As in PyTorch the flag is per thread, the classes work as context managers (they nest) and as
decorators (of functions, methods and generator functions: a generator runs in the mode between
its yields, and the caller's mode is back while it is suspended), and ``set_grad_enabled(False)``
also works as a plain call.
"""

import functools
import inspect
import threading
import warnings

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode"]


class _State(threading.local):
    enabled = True


STATE = _State()


def is_grad_enabled():
    return STATE.enabled


class _GradModeContext:
    """Base: subclasses set ``self._mode``; entering switches to it, leaving restores."""

    _mode = True

    def __enter__(self):
        self._prev = STATE.enabled
        STATE.enabled = self._mode
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        return False

    def __call__(self, func):
        if inspect.isclass(func):
            warnings.warn("Decorating classes is deprecated and will be disabled in future "
                          "versions. You should only decorate functions or methods. To preserve "
                          "the current behavior of class decoration, you can directly decorate "
                          "the `__init__` method and nothing else.", FutureWarning, stacklevel=2)
            cls = func

            def func(*args, **kwargs):
                return cls(*args, **kwargs)

        if inspect.isgeneratorfunction(func):
            return self._wrap_generator(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.clone():
                return func(*args, **kwargs)

        return wrapper

    def _wrap_generator(self, func):
        """Each step of the generator runs in this mode; the caller's mode holds in between."""

        @functools.wraps(func)
        def generator(*args, **kwargs):
            with self.clone():
                gen = func(*args, **kwargs)
                value = next(gen)  # StopIteration ends this generator too (PEP 479 handles it)
            while True:
                try:
                    sent = yield value
                except GeneratorExit:
                    with self.clone():
                        gen.close()
                    raise
                except BaseException as error:  # pragma: no cover - thrown in by the caller
                    with self.clone():
                        value = gen.throw(error)
                    continue
                with self.clone():
                    try:
                        value = gen.send(sent)
                    except StopIteration as stop:
                        return stop.value

        return generator

    def clone(self):
        return type(self)()


class _BareDecorator(_GradModeContext):
    """Also usable without parentheses: ``@no_grad`` as well as ``@no_grad()`` (as in PyTorch)."""

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)


class no_grad(_BareDecorator):
    """Disable gradient recording inside a ``with`` block or a decorated function."""

    _mode = False


class enable_grad(_BareDecorator):
    """Enable gradient recording (inside ``no_grad`` for instance)."""

    _mode = True


class inference_mode(_GradModeContext):
    """Here the same as ``no_grad`` (there is no separate inference tensor kind)."""

    def __new__(cls, mode=True):
        if callable(mode):
            return cls()(mode)
        return super().__new__(cls)

    def __init__(self, mode=True):
        self._mode = not mode if isinstance(mode, bool) else False

    def clone(self):
        return type(self)(not self._mode)


class set_grad_enabled(_GradModeContext):
    """Set grad mode on; as in PyTorch it takes effect at once, and a ``with`` block restores it."""

    def __init__(self, mode):
        if not isinstance(mode, bool):
            raise TypeError(f"set_grad_enabled(): argument 'mode' must be bool, not "
                            f"{type(mode).__name__}")
        self._prev = STATE.enabled
        self._mode = mode
        STATE.enabled = mode

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        STATE.enabled = self._prev
        return False

    def __call__(self, func):
        # Used as a decorator: the constructor already switched the mode; undo that now.
        STATE.enabled = self._prev
        return super().__call__(func)

    def clone(self):
        return _Switch(self._mode)


class _Switch(_GradModeContext):
    def __init__(self, mode):
        self._mode = mode
