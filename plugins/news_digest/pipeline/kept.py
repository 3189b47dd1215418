"""Objects made from fixed inputs (the knowledge base, the language model), kept in a cache folder between builds.

Making them costs a build that analyses one new article about half a second; reading them back, a few
milliseconds. A kept object is named after a version string of everything it is made from, so a change to
those makes a new one; an object that cannot be read back is made again and replaced.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def kept(folder: Path | None, name: str, version: str, make: Callable[[], T], kind: type[T]) -> T:
    """`make()`, or what an earlier build kept in `folder` as `name` at `version` (None: make it, keep nothing)."""
    if folder is None:
        return make()
    path = folder / f"{name}-{version}.pickle"
    try:
        with path.open("rb") as file:
            value = pickle.load(file)
        if isinstance(value, kind):
            return value
    except Exception:  # noqa: BLE001 - missing, damaged or from other code: made again
        pass
    value = make()
    # Named as the build's other temporary files (`.<name>.<pid>.tmp`), which a build removes if one was killed.
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        for older in folder.glob(f"{name}-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)  # a cache that cannot be written costs the next build the same time
    return value
