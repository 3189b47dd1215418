"""The garbage collector during a build: collect rarely, and leave the build's objects to the process's exit.

A build keeps hundreds of thousands of small objects alive until it ends: documents, their mentions, the
pages' inputs. At CPython's default pace (a collection every 700 new container objects) the collector walks
them again and again: about a tenth of a full build's time at 5,000 articles, and more of a rebuild's, which
unpickles every cached analysis. Collecting less often costs little memory here, because almost nothing a
build allocates becomes garbage before the end.

At the end, Pelican's objects refer to each other in cycles, so only the collector can free them, and the
one CPython runs at exit walks millions of objects (1.5 seconds after a one-article rebuild at 5,000
articles) just before the operating system takes the memory back anyway. They are frozen instead: left out
of collections until the next build in the same process (`pelican --autoreload`, the tests) unfreezes them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A youngest-generation collection every 100,000 new objects instead of 700; older generations as rarely.
BUILD_THRESHOLDS = (100_000, 50, 1_000)


@contextmanager
def build_pace() -> Iterator[None]:
    """Collect garbage at the build's pace inside the block; then restore the thresholds and freeze what is left."""
    gc.unfreeze()  # what an earlier build in this process left is garbage now
    previous = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.freeze()
