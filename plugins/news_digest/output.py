"""Writing output files: only when their inputs changed, only when their bytes change, replacing old ones atomically.

Every file the digest writes is recorded in a manifest (in Pelican's cache folder) with a signature of what
it was made from. The next build skips a file whose signature is the same and which is still there, and
removes the files the digest wrote last time but no longer makes (a deleted article's pages), so a rebuild
gives the same output folder as a clean build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .page_inputs import site_inputs
from .parallel import available_cores, fork_map

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 1
# Below this many files per worker, forking costs more than it saves.
MIN_FILES_PER_WORKER = 32
# The temporary files of `write_atomically` (`.<name>.<pid>.tmp`) and of parallel workers' results: a build killed
# while writing leaves them behind.
TEMPORARY_FILE = re.compile(r"\..+\.[0-9]+\.tmp")
WORKER_RESULT = "worker-*.pickle"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: readers (and an interrupted build) see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The process id keeps parallel workers apart; the mode is the usual one (umask applies), which a web
    # server needs (tempfile.mkstemp would make the file private to its owner).
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_new(path: Path, data: bytes) -> None:
    """Create `path`, which this build's listing of the output folder did not have, with `data`.

    Written in place, not through a temporary file: there is no older version for a reader to see, and a
    build killed halfway leaves its manifest marked incomplete, so the next one compares every file's bytes and
    rewrites a cut-off page. On a file system that keeps a deleted file's inode number out of reach for a
    while (ext4 without a journal scans past each one), a temporary file per page also doubles the cost of
    creating it. A file that appeared since the listing is replaced as usual.
    """
    try:
        try:
            stream = open(path, "xb")
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            stream = open(path, "xb")
    except FileExistsError:
        write_if_changed(path, data)
        return
    with stream:
        stream.write(data)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless `path` already holds exactly these bytes (rewrites stall slow disks); True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomically(path, data)
    return True


def signature_of(*parts: object) -> str:
    """A short digest of what a file is made from (strings, numbers, tuples, dates, dataclasses).

    Parts made of Python's core types (the page inputs, the data export) are written by `marshal` in its
    version 2, which writes values only (later versions note shared objects, so two equal inputs could differ)
    and is several times faster than `repr`; anything else (dataclasses, dates) is written by its `repr`.
    """
    try:
        written = marshal.dumps(parts, 2)
    except ValueError:
        written = repr(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(written, digest_size=16).hexdigest()


@dataclass
class OutputFiles:
    """The files one build writes into an output folder, with the signatures they were made from."""

    output: Path
    manifest: Path | None
    build_signature: str = ""
    workers: int = 1  # processes that render files (see `produce`)
    scratch: str | None = None  # folder for the workers' results
    previous: dict[str, str] = field(default_factory=dict)
    current: dict[str, str] = field(default_factory=dict)
    # What the last build noted besides its files (the search index's signature), and what this one notes.
    previous_notes: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    written: int = 0
    skipped: int = 0

    @classmethod
    def open(cls, output: str | Path, cache: str | Path | None, build_signature: str, workers: int = 1,
             scratch: str | None = None) -> OutputFiles:
        """The output folder, with what the last build into it recorded (nothing when anything that shapes every file changed).

        Unless that record says the last build into this folder finished, the temporary files a killed build
        may have left are removed first, so they are never published.
        """
        output = Path(output).resolve()
        manifest = Path(cache) / "news_digest" / "outputs.json" if cache else None
        files = cls(output, manifest, build_signature, workers, scratch)
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8")) if manifest else {}
        except (OSError, ValueError):
            recorded = {}
        valid = (isinstance(recorded, dict) and recorded.get("version") == MANIFEST_VERSION
                 and recorded.get("output") == str(output) and isinstance(recorded.get("files"), dict))
        if not (valid and recorded.get("complete") is True):
            remove_leftovers(output, {Path(folder) for folder in (scratch, manifest and manifest.parent) if folder})
        if valid:
            same_build = recorded.get("build") == build_signature
            # A different build signature (theme, settings, code) outdates every file, but the list of files
            # still tells which ones this build no longer makes.
            files.previous = {str(path): str(signature) if same_build else ""
                              for path, signature in recorded["files"].items()}
            if same_build and isinstance(recorded.get("notes"), dict):
                files.previous_notes = recorded["notes"]
            # Until this build saves its own record, the files count as made from unknown inputs: a build
            # killed halfway leaves files the old signatures no longer describe.
            files._record({path: "" for path in files.previous}, {}, complete=False)
        return files

    @property
    def changed(self) -> bool:
        """True when this build wrote a file or will remove one (so far)."""
        return self.written > 0 or bool(set(self.previous) - set(self.current))

    @cached_property
    def _existing(self) -> frozenset[str]:
        # One listing of the output folder instead of a `stat` per page: tens of thousands of pages.
        return frozenset(files_in(self.output))

    def up_to_date(self, relative: str, signature: str) -> bool:
        """Record that this build makes `relative`; True when the last build made it from the same inputs and it is still there."""
        self.current[relative] = signature
        if signature and self.previous.get(relative) == signature and relative in self._existing:
            self.skipped += 1
            return True
        return False

    def write(self, relative: str, data: bytes, signature: str | None = None) -> None:
        """Write `relative` (a path inside the output folder) if its bytes changed; record it."""
        if signature is not None:
            self.current[relative] = signature
        self.current.setdefault(relative, "")
        if write_if_changed(self.output / relative, data):
            self.written += 1

    def produce(self, jobs: Iterable[tuple[str, str, Callable[[], bytes]]],
                before_fork: Callable[[], None] | None = None) -> None:
        """Write each `(relative, signature, render)` that is not up to date from `render()`, on every core.

        `render` runs in a forked worker when there are enough files to share (a fork costs about as much as
        rendering a few dozen pages), so it may read anything in memory but must not change it. `before_fork`
        runs first when it does: to make once here what every worker would otherwise make for itself.
        """
        # In path order, each worker writes its own run of folders: two processes creating files in one folder
        # take turns on its lock.
        stale = sorted(((relative, render) for relative, signature, render in jobs
                        if not self.up_to_date(relative, signature)), key=lambda job: job[0])

        existing = self._existing  # listed before forking

        def write(relative: str, data: bytes) -> bool:
            if relative in existing:
                return write_if_changed(self.output / relative, data)
            write_new(self.output / relative, data)
            return True

        def write_share(share: list[tuple[str, Callable[[], bytes]]]) -> list[bool]:
            return [write(relative, render()) for relative, render in share]

        workers = self.workers if len(stale) >= MIN_FILES_PER_WORKER * 2 else 1
        if workers > 1 and before_fork is not None:
            before_fork()
        self.written += sum(fork_map(write_share, stale, workers, scratch=self.scratch, contiguous=True))

    def remove_stale(self) -> int:
        """Remove what the last build wrote and this one no longer makes; returns how many files."""
        removed = 0
        for relative in sorted(set(self.previous) - set(self.current)):
            path = (self.output / relative).resolve()
            # Only ever inside the output folder, whatever the manifest says.
            if path.is_relative_to(self.output) and path.is_file():
                path.unlink()
                removed += 1
        logger.info("news_digest.output: %d files written, %d unchanged, %d removed",
                    self.written, self.skipped, removed)
        return removed

    def save(self) -> None:
        """Record this build's files, signatures and notes for the next build."""
        # An empty signature (a file written without one) is never "up to date" next time.
        self._record(self.current, self.notes, complete=True)

    def _record(self, files: dict[str, str], notes: dict[str, str], complete: bool) -> None:
        if self.manifest is not None:
            write_atomically(self.manifest, json.dumps(
                {"version": MANIFEST_VERSION, "output": str(self.output), "build": self.build_signature,
                 "complete": complete, "files": dict(sorted(files.items())), "notes": notes},
                ensure_ascii=False).encode("utf-8"))


def files_in(folder: Path) -> Iterator[str]:
    """The regular files under `folder` (not following links to folders), as POSIX paths relative to it."""
    pending = [("", str(folder))]
    while pending:
        prefix, current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((f"{prefix}{entry.name}/", entry.path))
                    elif entry.is_file():
                        yield prefix + entry.name
        except OSError:
            continue


def remove_leftovers(output: Path, scratch_folders: Iterable[str | Path]) -> int:
    """Remove the temporary files killed writes left in the output (at any depth) and in the scratch folders."""
    leftovers = [Path(folder, name) for folder, _, names in os.walk(output) for name in names
                 if TEMPORARY_FILE.fullmatch(name)]
    for folder in scratch_folders:
        leftovers += [*Path(folder).glob(WORKER_RESULT),
                      *(path for path in Path(folder).glob(".*.tmp") if TEMPORARY_FILE.fullmatch(path.name))]
    for path in leftovers:
        path.unlink(missing_ok=True)
    if leftovers:
        logger.info("news_digest.output: removed %d temporary files an interrupted build left", len(leftovers))
    return len(leftovers)


def scratch_folder(settings: Mapping[str, Any]) -> Path:
    """The digest's folder inside Pelican's cache folder (created): the caches, the manifest, workers' results."""
    folder = Path(settings["CACHE_PATH"]) / "news_digest"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def output_files(context: dict[str, Any], settings: Mapping[str, Any]) -> OutputFiles:
    """This build's record of written files, shared by every generator through the context (opened on first use)."""
    if "news_digest_output" not in context:
        scratch = scratch_folder(settings)
        context["news_digest_output"] = OutputFiles.open(
            settings["OUTPUT_PATH"], scratch.parent if settings["NEWS_DIGEST_CACHE"] else None,
            signature_of(site_inputs(dict(settings))), settings["NEWS_DIGEST_WORKERS"] or available_cores(), str(scratch))
    return context["news_digest_output"]
