"""Skipping a build with nothing to do: the same inputs, and the output exactly as the last build left it.

Pelican reads every article again on every run. When nothing a build reads has changed since the last
successful one (the bytes of every file in the content folder and of the site's knowledge files, the
settings, the theme, this plugin's code and data, the versions of the packages that shape the output) and
the output folder holds exactly the files that build left (same paths, sizes and modification times), the
build would write the same bytes again, so it is skipped. The warnings that build logged are logged again, so
a broken article is still reported and `pelican --fatal warnings` still fails. Any difference, or no record
at all, runs the whole build (which itself redoes only what changed: see `analysis_cache` and `output`).

Inputs are compared by content, not by modification time, so touching a file or checking out the repository
again costs nothing. A content file whose size, times and inode are those the record noted is not read again:
its recorded digest stands (as git's index does), unless it was modified within two seconds of the moment the
last build read it (it may have changed again within the same timestamp tick). The record is removed before
a build starts and written only after it finished, so a build that failed or was interrupted never leaves one
behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pelican.log import console

from .collector import build_pace
from .output import scratch_folder, signature_of, write_atomically
from .page_inputs import site_inputs

logger = logging.getLogger(__name__)

RECORD_FILE = "last-build.json"
UNREADABLE = "unreadable: "  # a file's digest when it could not be read: never trusted without reading it again
RECORD_VERSION = 2
# A file modified this close to the moment the last build read the content folder may have changed again within
# the same timestamp tick, unseen by its times: it is read again.
RACY_MARGIN_NS = 2_000_000_000
# Besides what `site_inputs` names: the analysis and the search index depend on these too.
PACKAGES = ("py3langid", "numpy", "rapidfuzz", "pagefind", "markdown")

FileStat = tuple[str, int, int, int, int]  # path relative to the folder, size, modification and change times (ns), inode
LoggedWarning = tuple[str, int, str]  # logger name, level, message
Stamp = tuple[int, int, int, int]  # size, modification and change times (ns), inode: a file is unchanged while they are


def files_under(folder: Path, skip: frozenset[Path] = frozenset()) -> list[FileStat]:
    """Every file under `folder` (following links, as Pelican does; not under `skip`), sorted by path."""
    found: list[FileStat] = []
    pending = [("", str(folder))]  # (path relative to `folder` with a final "/", path)
    seen = {folder.resolve()}  # a link back up the tree is followed once, not forever
    while pending:
        prefix, current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    resolved = Path(entry.path).resolve()
                    if resolved not in skip and resolved not in seen:
                        seen.add(resolved)
                        pending.append((f"{prefix}{entry.name}/", entry.path))
                    continue
                stat = entry.stat()
            except OSError:
                continue
            found.append((prefix + entry.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return sorted(found)


def _package_versions() -> tuple[tuple[str, str], ...]:
    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    return tuple((name, installed(name)) for name in PACKAGES)


def _file_digest(path: Path) -> str:
    try:
        # Read in blocks: the content folder may hold files far larger than any article (they are skipped).
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, lambda: hashlib.blake2b(digest_size=16)).hexdigest()
    except OSError as error:
        # The build reports it (and a skipped build reports it again); it counts as changed once it can be read.
        return f"{UNREADABLE}{error.strerror}"


@dataclass(frozen=True)
class BuildInputs:
    """What a build reads, as it is now: one signature, and each content file's stamp and digest."""

    signature: str
    content: dict[str, tuple[Stamp, str]]  # by path relative to the content folder
    read_at: int  # when the content folder was read (ns since the epoch)


def build_inputs(settings: Mapping[str, Any], last: BuildInputs | None = None) -> BuildInputs:
    """Everything a build with these (validated) settings reads; files `last` read with the same stamp are not read again."""
    read_at = time.time_ns()
    content = Path(settings["PATH"]).resolve()
    outside = frozenset(Path(settings[name]).resolve() for name in ("OUTPUT_PATH", "CACHE_PATH"))
    known = last.content if last else {}
    trusted_before = last.read_at - RACY_MARGIN_NS if last else 0
    files: dict[str, tuple[Stamp, str]] = {}
    for path, *stamp in files_under(content, outside):
        recorded = known.get(path)
        if recorded and recorded[0] == tuple(stamp) and max(stamp[1], stamp[2]) < trusted_before \
                and not recorded[1].startswith(UNREADABLE):
            files[path] = recorded
        else:
            files[path] = (tuple(stamp), _file_digest(content / path))
    project = content.parent
    knowledge = [(str(path), _file_digest(project / path))
                 for path in (*settings["NEWS_DIGEST_ACTOR_FILES"], *settings["NEWS_DIGEST_TOPIC_FILES"])]
    signature = signature_of(site_inputs(dict(settings)), sys.version, _package_versions(),
                             [(path, digest) for path, (_, digest) in files.items()], knowledge)
    return BuildInputs(signature, files, read_at)


@dataclass(frozen=True)
class LastBuild:
    """The record a successful build leaves in the cache folder: its inputs, its output files, its warnings."""

    path: Path

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> LastBuild:
        """The record for this site's cache folder."""
        return cls(scratch_folder(settings) / RECORD_FILE)

    def read(self) -> dict[str, Any] | None:
        """The record, if there is a readable one of this version."""
        try:
            recorded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return recorded if isinstance(recorded, dict) and recorded.get("version") == RECORD_VERSION else None

    @staticmethod
    def inputs(recorded: dict[str, Any] | None) -> BuildInputs | None:
        """What the last build read, from its record."""
        try:
            return BuildInputs(str(recorded["inputs"]), {str(path): (tuple(stamp), str(digest))
                                                         for path, (stamp, digest) in recorded["content"].items()},
                               int(recorded["read_at"]))
        except (TypeError, KeyError, ValueError, AttributeError):
            return None

    @staticmethod
    def replayable(recorded: dict[str, Any] | None, inputs: BuildInputs, output: Path) -> list[LoggedWarning] | None:
        """The last build's warnings if its record has these inputs and `output` is as it left it; None otherwise."""
        if not (recorded and recorded.get("inputs") == inputs.signature and recorded.get("output_path") == str(output)
                and isinstance(recorded.get("warnings"), list)):
            return None
        if recorded.get("output") != signature_of(files_under(output)):
            return None
        return [(str(name), int(level), str(message)) for name, level, message in recorded["warnings"]]

    def forget(self) -> None:
        """Remove the record: until the build in progress ends, nothing describes the output."""
        self.path.unlink(missing_ok=True)

    def save(self, inputs: BuildInputs, output: Path, warnings: list[LoggedWarning]) -> None:
        """Record a finished build: the inputs it read, the files it left in `output`, what it warned about."""
        write_atomically(self.path, json.dumps(
            {"version": RECORD_VERSION, "inputs": inputs.signature, "read_at": inputs.read_at,
             "content": inputs.content, "output_path": str(output), "output": signature_of(files_under(output)),
             "warnings": warnings},
            # ASCII: a file name that is not UTF-8 (surrogate escapes) is written as `\udcXX` and read back the same.
            ensure_ascii=True).encode("ascii"))


class _WarningLog(logging.Handler):
    """Keeps the warnings and errors logged during a build, to log them again when a rebuild is skipped."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[LoggedWarning] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def _warnings_logged() -> Iterator[list[LoggedWarning]]:
    handler = _WarningLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)


class SkipWhenUpToDate:
    """Pelican's `run`, skipped when the last build had the same inputs and the output is as it left it.

    Either way it runs at the build's garbage-collection pace (`collector.build_pace`).
    """

    def __init__(self, pelican: Any, run: Callable[[], None]) -> None:
        self.pelican = pelican
        self.run = run

    def __call__(self) -> None:
        with build_pace():
            self._run_unless_up_to_date()

    def _run_unless_up_to_date(self) -> None:
        settings = self.pelican.settings
        last_build = LastBuild.of(settings)
        if not settings["NEWS_DIGEST_CACHE"]:
            last_build.forget()
            self.run()
            return
        started = time.perf_counter()
        output = Path(settings["OUTPUT_PATH"]).resolve()
        # Read before the build: a file changed while it runs makes the next build run too.
        recorded = last_build.read()  # read once: it lists every content file
        last_inputs = last_build.inputs(recorded)
        inputs = build_inputs(settings, last_inputs)
        warnings = last_build.replayable(recorded, inputs, output)
        if warnings is not None:
            for name, level, message in warnings:
                logging.getLogger(name).log(level, "%s", message)
            if last_inputs is None or inputs.content != last_inputs.content:
                last_build.save(inputs, output, warnings)  # files read again (touched): not next time
            console.print(f"Done: nothing changed since the last build; {output} is up to date "
                          f"(checked in {time.perf_counter() - started:.2f} seconds).")
            return
        last_build.forget()
        with _warnings_logged() as logged:
            self.run()
        last_build.save(inputs, output, logged)


def skip_unchanged_builds(pelican: Any) -> None:
    """Signal receiver (initialized, after the settings are validated): wrap `run` in the up-to-date check.

    Pelican has no hook that lets a plugin skip a run, so the instance's `run` is wrapped. Without the cache
    (NEWS_DIGEST_CACHE = False) every build runs in full.
    """
    if not isinstance(pelican.run, SkipWhenUpToDate):
        pelican.run = SkipWhenUpToDate(pelican, pelican.run)
