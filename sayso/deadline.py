"""A time limit on a block of Python code, in any thread.

``with time_limit(60): work()`` raises ``TimeLimitExceeded`` inside ``work`` once 60 seconds
have passed: a timer thread asks the interpreter to raise it in the working thread, which it
does at the next Python instruction there. That reaches code stuck in a Python loop (the
analysis of a pathological article); a single long call into compiled code is interrupted
when it returns. Unlike an alarm signal it works off the main thread too, e.g. in the web
server's worker threads. Once the block has ended no exception can arrive late.
"""

from __future__ import annotations

import ctypes
import threading
from types import TracebackType


class TimeLimitExceeded(BaseException):
    """The block ran past its time limit. Like KeyboardInterrupt it is no ``Exception``, so that
    an ``except Exception`` inside the block cannot swallow it; the limit's owner catches it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


class time_limit:  # noqa: N801 - used like a function: ``with time_limit(seconds):``
    """Raise ``TimeLimitExceeded`` in the current thread if the block runs over ``seconds``
    (no limit when ``seconds`` is None or not positive)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.fired = False
        self._done = False
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.get_ident()
        self._timer: threading.Thread | None = None

    def __enter__(self) -> time_limit:
        if self.seconds is not None and self.seconds > 0:
            self._thread = threading.get_ident()
            self._timer = threading.Thread(target=self._watch, daemon=True)
            self._timer.start()
        return self

    def _watch(self) -> None:
        """Raise the exception at the limit, and again every half second until the block has
        ended, in case code in the block caught it anyway (a bare ``except:``)."""
        wait = self.seconds
        while not self._stopped.wait(wait):
            with self._lock:
                if self._done:
                    return
                self.fired = True
                _set_async_exc(ctypes.c_ulong(self._thread), ctypes.py_object(TimeLimitExceeded))
            wait = 0.5

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        with self._lock:
            self._done = True
            if self.fired:
                _set_async_exc(ctypes.c_ulong(self._thread), None)  # one still pending is dropped
        self._stopped.set()
        if self.fired and kind is None:
            raise TimeLimitExceeded  # the limit passed as the block ended: it still ran over
