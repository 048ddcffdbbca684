"""The parsing process pool: workers that ignore Ctrl-C (the parent answers it), die with their
parent, and are stopped at once when parsing is abandoned."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager

POLL_SECONDS = 0.2  # how often a waiting parent asks whether it should stop
JOIN_SECONDS = 5.0  # how long a terminated worker is waited for before it is killed (it ends at once unless
# the machine is saturated: a worker still alive after a quit is what the tests catch)


def start_pool(workers: int, function, chunks: list) -> tuple[ProcessPoolExecutor, dict]:
    """A pool of fresh (spawned, never forked: the app has threads) worker processes running
    `function` on every chunk; the futures map to their chunk's number."""
    context = multiprocessing.get_context("spawn")
    with _real_stderr(), _sigint_ignored():  # all workers start within the submits
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_setup)
        return pool, {pool.submit(function, chunk): k for k, chunk in enumerate(chunks)}


@contextmanager
def _sigint_ignored():
    """Ignore SIGINT while the workers start: they inherit that, so a Ctrl-C sent to the whole job
    while one is still starting (before `worker_setup`) cannot give it a traceback. Only the main
    thread can change it; the app starts its pool from a thread, and its Ctrl-C is a key anyway."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def worker_setup() -> None:
    """In each worker: leave Ctrl-C to the parent, and exit when the parent is gone (even by kill -9)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True, name="parent-watch").start()


def _exit_with(sentinel: int) -> None:
    """Block until the parent process ends, then end this one without cleanup (it has no one to report to)."""
    from multiprocessing.connection import wait as wait_for

    wait_for([sentinel])
    os._exit(1)


def finished(pending, stop) -> list:
    """The futures done so far, waiting in short steps so that `stop()` is asked often; [] once it says stop."""
    while pending:
        if stop():
            return []
        done, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
        if done:
            return list(done)
    return []


def stop_pool(pool: ProcessPoolExecutor, abandon: bool) -> None:
    """Shut the pool down; when parsing is abandoned, end the workers now instead of after their chunk."""
    if not abandon:
        pool.shutdown(wait=True)
        return
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(JOIN_SECONDS)  # reap it: SIGTERM ends a parse at once
        if process.is_alive():
            process.kill()
            process.join(JOIN_SECONDS)


@contextmanager
def _real_stderr():
    """Give multiprocessing a sys.stderr with a real file descriptor while it starts its processes.

    Textual replaces sys.stderr with an object without one, and the resource tracker passes
    `sys.stderr.fileno()` to its child ("bad value(s) in fds_to_keep" otherwise).
    """
    if _has_descriptor(sys.stderr):
        yield
        return
    saved = sys.stderr
    with open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            yield
        finally:
            sys.stderr = saved


def _has_descriptor(stream) -> bool:
    """True when a stream is backed by an open file descriptor."""
    try:
        return stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False
