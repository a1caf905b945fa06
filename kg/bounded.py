"""Work with a time and memory limit: run it in a child process that can be stopped.

pyoxigraph has no query timeout and rdflib none that holds inside its evaluator, so a query
that joins everything with everything would run until the machine runs out of memory. The
child gets an address-space limit; the parent waits at most ``timeout`` seconds, then kills it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import KgError, LimitError

T = TypeVar("T")

DEFAULT_TIMEOUT = 60.0


def default_memory_mb() -> int:
    """The memory limit when none is given: ``$KG_MEMORY_MB``, else 4096."""
    raw = os.environ.get("KG_MEMORY_MB", "")
    return int(raw) if raw.isdigit() else 4096


def run_bounded(fn: Callable[..., T], *args: Any, timeout: float | None = DEFAULT_TIMEOUT,
                memory_mb: int | None = None, what: str = "the query",
                method: str = "fork") -> T:
    """``fn(*args)`` in a child process, stopped after ``timeout`` seconds or above ``memory_mb``.

    A library error raised in the child is raised again here; running out of time or memory
    is a :class:`~kg.errors.LimitError` that says which limit to raise. ``timeout=None`` and
    ``memory_mb=0`` run ``fn`` in this process; ``memory_mb=None`` is :func:`default_memory_mb`.
    ``method="forkserver"`` suits a threaded caller (a server), whose threads a plain fork
    would copy mid-work.

    >>> run_bounded(sum, [1, 2, 3])
    6
    """
    import multiprocessing

    if memory_mb is None:
        memory_mb = default_memory_mb()
    if timeout is None and not memory_mb:
        return fn(*args)
    ctx = multiprocessing.get_context(method)
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(  # type: ignore[attr-defined]
        target=_child, args=(send, memory_mb, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise LimitError(f"{what} ran over the time limit of {timeout:g} s; narrow it (a LIMIT, more fixed "
                             "terms) or pass a larger --timeout (0 = none)")
        try:
            ok, value = receive.recv()
        except EOFError:  # the child died without answering: killed or out of memory in native code
            proc.join(5)
            raise LimitError(f"{what} stopped: it needed more than the memory limit of {memory_mb} MB; narrow it "
                             "or pass a larger --max-memory") from None
    finally:
        with contextlib.suppress(Exception):
            proc.kill()
        proc.join(5)
        receive.close()
    if ok:
        return value  # type: ignore[no-any-return]
    if value == "MemoryError":
        raise LimitError(f"{what} stopped: it needed more than the memory limit of {memory_mb} MB; narrow it "
                         "or pass a larger --max-memory")
    raise value


def _child(send: Any, memory_mb: int | None, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    if memory_mb:
        import resource

        limit = memory_mb << 20
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[bool, Any] = (True, fn(*args))
    except KgError as exc:
        result = (False, exc)
    except MemoryError:
        result = (False, "MemoryError")
    except Exception as exc:  # reported as the CLI reports any unexpected error
        result = (False, KgError(f"internal error: {type(exc).__name__}: {str(exc)[:200]}"))
    try:
        send.send(result)
    except MemoryError:
        send.send((False, "MemoryError"))
    send.close()
