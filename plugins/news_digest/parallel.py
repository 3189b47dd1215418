"""Run one function over many items on every core, by forking: children inherit the loaded pipeline and templates.

Forking (rather than a process pool) means nothing big is pickled on the way in: the knowledge base, the
compiled templates and the linked corpus are already in memory and shared copy-on-write. Only each child's
results travel back, through a temporary file. On systems without `fork` everything runs in this process.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerError(RuntimeError):
    """A forked worker failed; the message carries its traceback."""


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def fork_map(function: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], workers: int,
             scratch: str | None = None, contiguous: bool = False) -> list[Result]:
    """`function(items)` computed in `workers` processes, each on a share of the items; results in item order.

    `function` takes a share (a list) and returns one result per item. This process computes the first share
    itself, so `workers=2` uses one child. `scratch` is the folder for the children's result files. Shares
    are interleaved (item i goes to worker i % workers), which balances items whose cost drifts along the
    list, or with `contiguous` consecutive runs of items, which keeps workers apart when neighbours share
    something that one process at a time can use (files in one folder, whose lock each new file takes).
    """
    workers = max(1, min(workers, len(items)))
    if workers == 1 or not hasattr(os, "fork"):
        return list(function(items))
    if contiguous:
        bounds = [len(items) * share // workers for share in range(workers + 1)]
        shares = [items[start:end] for start, end in zip(bounds, bounds[1:])]
    else:
        shares = [items[start::workers] for start in range(workers)]
    children: list[tuple[int, str]] = []
    for share in shares[1:]:
        handle, result_path = tempfile.mkstemp(prefix="worker-", suffix=".pickle", dir=scratch)
        os.close(handle)
        pid = os.fork()
        if pid == 0:  # the child: compute, leave the result in the file, exit without running the parent's cleanup
            # What the child inherited lives until it exits: its collections need not walk it (nor copy its pages).
            gc.freeze()
            status = 0
            try:
                outcome: tuple[bool, object] = (True, function(share))
            except BaseException:  # noqa: BLE001 - every failure must reach the parent
                outcome, status = (False, traceback.format_exc()), 1
            try:
                with open(result_path, "wb") as result_file:
                    pickle.dump(outcome, result_file, protocol=pickle.HIGHEST_PROTOCOL)
            finally:
                os._exit(status)
        children.append((pid, result_path))
    try:
        results_by_share = [list(function(shares[0]))]
    finally:
        outcomes = [_collect(pid, result_path) for pid, result_path in children]
    for succeeded, value in outcomes:
        if not succeeded:
            raise WorkerError(f"a parallel worker failed:\n{value}")
        results_by_share.append(value)  # type: ignore[arg-type]
    if contiguous:
        return [result for share in results_by_share for result in share]
    # Undo the interleaving: item i was position i // workers of share i % workers.
    return [results_by_share[index % workers][index // workers] for index in range(len(items))]


def _collect(pid: int, result_path: str) -> tuple[bool, object]:
    _, status = os.waitpid(pid, 0)
    try:
        with open(result_path, "rb") as result_file:
            return pickle.load(result_file)
    except (OSError, EOFError, pickle.UnpicklingError):
        return False, f"the worker (pid {pid}) exited with status {status} and left no result"
    finally:
        os.unlink(result_path)
