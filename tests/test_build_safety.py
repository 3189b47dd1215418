"""A build never loses work or leaks: same bytes every time, nothing written outside its folders, no file lost or
half-written when it is killed, and `invoke clean` deletes nothing but the output folder.

The quick tests build in this process; the slow ones run Pelican in a subprocess, as `invoke build` does, and
kill it with SIGKILL part-way through (tests/test_determinism.py checks the hash seed; test_incremental.py edits).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

import pytest
from conftest import (
    ABOUT_PAGE,
    DEV_CORPUS,
    PROJECT_DIR,
    SAMPLE_FILES,
    BuiltSite,
    run_build,
)
from invoke import Context

import tasks
from benchmarks.generate import generate, write_raw

PAYLOADS = PROJECT_DIR / "tests" / "corpus" / "payloads"
# Stories in three languages, undated samples (a tie in the date order) and hostile text: what order could upset.
DETERMINISM_CORPUS = [*SAMPLE_FILES, *sorted(DEV_CORPUS.glob("0[1-5]*.txt")), *sorted(PAYLOADS.glob("*.txt"))]
GENERATED_ARTICLES = 300
BUILD_TIMEOUT = 600


# --- determinism ---

def _fill(content: Path, files: list[Path]) -> Path:
    """Copy `files` into `content` in the given order (creation order is what some file systems list in)."""
    content.mkdir(parents=True)
    for path in files:
        shutil.copy(path, content / path.name)
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(ABOUT_PAGE, encoding="utf-8")
    return content


class _Listing:
    """What os.scandir returns: an iterator of entries that is also a context manager."""

    def __init__(self, entries: list[os.DirEntry]) -> None:
        self._entries = iter(entries)

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> os.DirEntry:
        return next(self._entries)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        """Nothing to release: the real listing is closed already."""


@pytest.fixture
def descending_listings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make os.scandir, os.walk and os.listdir list folders in descending name order; returns the folders listed."""
    real_scandir, real_listdir = os.scandir, os.listdir
    listed: list[str] = []

    def scandir(*path: object) -> _Listing:
        with real_scandir(*path) as listing:
            entries = sorted(listing, key=lambda entry: entry.name, reverse=True)
        listed.append(os.fsdecode(path[0]) if path and not isinstance(path[0], int) else ".")
        return _Listing(entries)

    def listdir(*path: object) -> list:
        listed.append(os.fsdecode(path[0]) if path and not isinstance(path[0], int) else ".")
        return sorted(real_listdir(*path), reverse=True)

    monkeypatch.setattr(os, "scandir", scandir)  # os.walk and glob list through it too
    monkeypatch.setattr(os, "listdir", listdir)
    return listed


def _different(first: BuiltSite, second: BuiltSite) -> list[str]:
    """Files only one build has, or whose bytes differ."""
    one, other = first.files(), second.files()
    return sorted(set(one) ^ set(other)) + [path for path in sorted(set(one) & set(other)) if one[path] != other[path]]


@pytest.fixture(scope="module")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A clean build of the determinism corpus, search index included, for the other builds to match."""
    root = tmp_path_factory.mktemp("reference")
    return run_build(_fill(root / "content", DETERMINISM_CORPUS), root / "output", NEWS_DIGEST_SEARCH=True)


def test_two_clean_builds_of_the_same_content_are_byte_identical(reference_build: BuiltSite, tmp_path: Path) -> None:
    again = run_build(_fill(tmp_path / "content", DETERMINISM_CORPUS), tmp_path / "output", NEWS_DIGEST_SEARCH=True)
    assert len(again.files()) > 100
    assert _different(reference_build, again) == []


def test_build_does_not_depend_on_the_order_folders_are_listed_in(reference_build: BuiltSite, tmp_path: Path,
                                                                  descending_listings: list[str]) -> None:
    """Files created in reverse order and listed in descending order give the same bytes as the reference."""
    content = _fill(tmp_path / "content", DETERMINISM_CORPUS[::-1])
    reversed_build = run_build(content, tmp_path / "output", NEWS_DIGEST_SEARCH=True)
    assert str(content) in descending_listings, "the build never listed the content folder through os.scandir"
    assert _different(reference_build, reversed_build) == []


# --- invoke clean and the output folder ---

@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in project folder for tasks.py, with content, theme and an output folder holding a page."""
    root = tmp_path / "project"
    for folder in ("content", "theme", "plugins", "tests", ".git"):
        (root / folder).mkdir(parents=True)
        (root / folder / "keep.txt").write_text("keep", encoding="utf-8")
    (root / "pelicanconf.py").write_text("PATH = 'content'\n", encoding="utf-8")
    (root / "output" / "en").mkdir(parents=True)
    (root / "output" / "en" / "index.html").write_text("<p>built</p>", encoding="utf-8")
    monkeypatch.setattr(tasks, "PROJECT_DIR", root)
    monkeypatch.setitem(tasks.CONFIG, "deploy_path", "output")
    return root


@pytest.fixture
def removals(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the folders `invoke clean` would remove instead of removing them (a broken guard deletes nothing)."""
    removed: list[Path] = []
    monkeypatch.setattr(tasks.shutil, "rmtree", lambda path, *args, **kwargs: removed.append(Path(path)))
    return removed


def test_tasks_clean_removes_the_output_folder_and_nothing_else(project: Path) -> None:
    tasks.clean(Context())
    assert not (project / "output").exists()
    assert sorted(path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()) == [
        ".git/keep.txt", "content/keep.txt", "pelicanconf.py", "plugins/keep.txt", "tests/keep.txt", "theme/keep.txt"]


@pytest.mark.parametrize("output_path", [".", "", "..", "/", "../..", "content", "theme", "plugins", ".git",
                                         "content/output", "output/../content", "/tmp"])
def test_tasks_clean_refuses_an_output_folder_that_is_not_its_own(project: Path, removals: list[Path],
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  output_path: str) -> None:
    """The project, its parent, /, a folder of the project's own sources or one inside them: refused, untouched."""
    monkeypatch.setitem(tasks.CONFIG, "deploy_path", output_path)
    with pytest.raises(SystemExit, match="refusing"):
        tasks.clean(Context())
    assert removals == []


def test_tasks_clean_refuses_a_symlink_leading_out_of_the_project(project: Path, tmp_path: Path, removals: list[Path],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "precious.txt").write_text("mine", encoding="utf-8")
    (project / "site").symlink_to(outside, target_is_directory=True)
    monkeypatch.setitem(tasks.CONFIG, "deploy_path", "site")
    with pytest.raises(SystemExit, match="refusing"):
        tasks.clean(Context())
    assert removals == [] and (outside / "precious.txt").is_file()


def test_tasks_that_let_pelican_delete_the_output_check_it_first(project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`invoke rebuild` and the publishing builds (DELETE_OUTPUT_DIRECTORY) refuse an unsafe output folder before
    Pelican runs."""
    runs: list[str] = []
    monkeypatch.setattr(tasks, "pelican_run", runs.append)
    monkeypatch.setenv(tasks.SITEURL_VARIABLE, "https://example.org/digest")
    monkeypatch.setitem(tasks.CONFIG, "deploy_path", "..")
    for task in (tasks.rebuild, tasks.build, tasks.preview):
        with pytest.raises(SystemExit, match="refusing"):
            task(Context())
    assert runs == []


# --- nothing written outside the output and cache folders ---

# Runs Pelican like `python -m pelican`, logging every path Python writes, creates, renames or removes (audit hooks,
# inherited by the forked workers), one line per event, through a file descriptor opened before the hook.
AUDITED_PELICAN = r"""
import os, sys
log = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# event: (positions of the paths it changes, position of the folder descriptor they are relative to, or None)
EVENTS = {"os.remove": ((0,), 1), "os.rmdir": ((0,), 1), "os.mkdir": ((0,), 2), "os.rename": ((0, 1), 2),
          "os.link": ((0, 1), 2), "os.symlink": ((1,), 2), "os.truncate": ((0,), None), "os.chmod": ((0,), 2),
          "os.utime": ((0,), 3), "shutil.rmtree": ((0,), 1), "shutil.copyfile": ((1,), None),
          "sqlite3.connect": ((0,), None)}

def where(path, folder):
    if isinstance(path, int):
        return os.readlink(f"/proc/self/fd/{path}")
    path = os.fsdecode(path)
    if isinstance(folder, int) and not os.path.isabs(path):
        path = os.path.join(os.readlink(f"/proc/self/fd/{folder}"), path)
    return os.path.abspath(path)

def audit(event, args):
    if event == "open":
        path, mode, flags = args
        if (mode and set(mode) & set("wax+")) or ((flags or 0) & WRITING):
            os.write(log, f"{event}\t{where(path, None)}\n".encode("utf-8", "surrogateescape"))
    elif event in EVENTS:
        positions, folder = EVENTS[event]
        for position in positions:
            if args[position] != ":memory:":
                target = where(args[position], args[folder] if folder is not None else None)
                os.write(log, f"{event}\t{target}\n".encode("utf-8", "surrogateescape"))

sys.addaudithook(audit)
sys.argv = ["pelican", *sys.argv[2:]]
from pelican import main
main()
"""


def _pelican(content: Path, output: Path, cache: Path, *settings: str) -> list[str]:
    """The command line of a build with the project's settings, as `invoke build` runs it."""
    overrides = [argument for setting in settings for argument in ("-e", setting)]
    return [sys.executable, "-m", "pelican", str(content), "-s", str(PROJECT_DIR / "pelicanconf.py"), "-o", str(output),
            "--cache-path", str(cache), *overrides]


def _project_snapshot() -> tuple[list[str], dict[str, int]]:
    """`git status` of the project and the modification time of every file git does not ignore, outside tests/.

    tests/ is left out because test runs and other work write there at any time; the audit log covers it.
    """
    def git(*arguments: str) -> str:
        return subprocess.run(["git", *arguments], cwd=PROJECT_DIR, check=True, capture_output=True, text=True).stdout

    status = [line for line in git("status", "--porcelain", "--untracked-files=all").splitlines()
              if not line[3:].startswith("tests/")]
    files = [name for name in git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
             if name and not name.startswith("tests/") and (PROJECT_DIR / name).is_file()]
    return status, {name: (PROJECT_DIR / name).stat().st_mtime_ns for name in files}


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


@pytest.mark.slow
def _assert_same_as_a_clean_build(output: Path, content: Path, root: Path) -> None:
    """`output` holds exactly what a build of `content` into fresh folders under `root` writes."""
    _complete_build(_pelican(content, root / "output", root / "cache", "NEWS_DIGEST_SEARCH=true"))
    expected, recovered = _output_state(root / "output"), _output_state(output)
    assert sorted(recovered) == sorted(expected)
    assert [path for path in expected if recovered[path] != expected[path]] == []


def test_build_writes_nothing_outside_its_output_and_cache_folders(tmp_path: Path) -> None:
    """A build run from the project folder, with search: every path Python wrote is in the output or the cache
    folder, and the project, HOME and TMPDIR (where Pagefind, a separate program, could write) are as they were."""
    content = _fill(tmp_path / "content", [*SAMPLE_FILES, *sorted(DEV_CORPUS.glob("01*.txt"))])
    output, cache, home, temporary = (tmp_path / name for name in ("output", "cache", "home", "tmp"))
    home.mkdir()
    temporary.mkdir()
    log = tmp_path / "writes.log"
    status, modified = _project_snapshot()
    command = _pelican(content, output, cache, "NEWS_DIGEST_SEARCH=true")
    completed = subprocess.run([sys.executable, "-c", AUDITED_PELICAN, str(log), *command[3:]], cwd=PROJECT_DIR,
                               capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False,
                               env={**os.environ, "HOME": str(home), "TMPDIR": str(temporary),
                                    "XDG_CACHE_HOME": str(home / ".cache")})
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (output / "pagefind" / "pagefind.js").is_file() and (cache / "news_digest").is_dir()
    writes = [line.split("\t", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(writes) > 100 and any(event == "sqlite3.connect" for event, _ in writes)
    # The language model unpacks itself into an anonymous temporary file (tempfile.TemporaryFile): it may use
    # TMPDIR, as long as it leaves nothing there (checked below).
    allowed = (f"{output}/", f"{cache}/", f"{temporary}/", "/dev/")
    assert [(event, path) for event, path in writes if not f"{path}/".startswith(allowed)] == []
    assert _project_snapshot() == (status, modified)
    assert _files(home) == [] and _files(temporary) == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "content", "home", "output", "tmp",
                                                                "writes.log"]


# --- interrupted builds ---

def _output_state(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(output.rglob("*")) if path.is_file()}


def _build_and_kill(command: list[str], ready: callable) -> float:
    """Start a build; SIGKILL it and its workers as soon as `ready()` holds; return how long it had run.

    Fails if the build ended before it could be killed (then nothing was interrupted).
    """
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # its own process group: the forked workers die with it
    try:
        while not ready():
            assert process.poll() is None, f"the build finished (exit {process.returncode}) before it could be killed"
            assert time.monotonic() - started < BUILD_TIMEOUT, "the build never reached the point to kill it at"
            time.sleep(0.005)
        assert process.poll() is None, "the build finished before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    return time.monotonic() - started


def _complete_build(command: list[str]) -> None:
    completed = subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                               check=False)
    assert completed.returncode == 0, completed.stderr[-3000:]


def _leftovers(output: Path, cache: Path) -> list[str]:
    """Temporary files an interrupted build could leave: atomic writes' `.name.pid.tmp`, workers' results."""
    return sorted([*(path.relative_to(output).as_posix() for path in output.rglob(".*.tmp")),
                   *(path.name for path in (cache / "news_digest").glob("worker-*"))])


def _count(folder: Path, pattern: str) -> int:
    try:
        return sum(1 for name in os.listdir(folder) if name.endswith(pattern))
    except FileNotFoundError:
        return 0


def _edit(content: Path) -> None:
    """Change a third of the generated articles, delete five and add five: many pages must be written again."""
    generated = sorted((content / "generated").glob("*.txt"))
    for path in generated[::3]:
        path.write_text(path.read_text(encoding="utf-8") + "\nA late paragraph added by the desk.\n", encoding="utf-8")
    for path in generated[1:6]:
        path.unlink()
    write_raw(generate(GENERATED_ARTICLES + 5, seed=5)[-5:], content / "added")


@pytest.mark.slow
def test_builds_killed_midway_leave_nothing_a_normal_build_does_not_repair(tmp_path: Path) -> None:
    """SIGKILL while pages are written, build again into the same folders: the same bytes as a clean build, and no
    temporary file left. Then an edit, a build killed once it rewrites pages, a build again: the same."""
    content = _fill(tmp_path / "content", [*SAMPLE_FILES, *sorted(DEV_CORPUS.glob("01*.txt"))])
    write_raw(generate(GENERATED_ARTICLES, seed=3), content / "generated")
    output, cache = tmp_path / "output", tmp_path / "cache"
    command = _pelican(content, output, cache, "NEWS_DIGEST_SEARCH=true")
    articles = output / "en" / "articles"

    _build_and_kill(command, lambda: _count(articles, ".html") >= 50)
    assert not (cache / "news_digest" / "last-build.json").exists(), "a killed build left a record of a finished one"
    assert 0 < _count(articles, ".html") < GENERATED_ARTICLES, "the kill did not land while article pages were written"
    _complete_build(command)
    assert _leftovers(output, cache) == []
    _assert_same_as_a_clean_build(output, content, tmp_path / "clean")

    _edit(content)
    before = {path: path.stat().st_mtime_ns for path in articles.iterdir()}
    _build_and_kill(command, lambda: sum(1 for path, mtime in before.items()
                                         if path.exists() and path.stat().st_mtime_ns != mtime) >= 20)
    _complete_build(command)
    assert _leftovers(output, cache) == []
    _assert_same_as_a_clean_build(output, content, tmp_path / "fresh")


def test_build_after_an_interrupted_one_removes_the_temporary_files_it_left(tmp_path: Path) -> None:
    """What SIGKILL leaves mid-write (`.page.html.<pid>.tmp` in the output, workers' results in the cache) is gone
    after the next build, and that build's output is the same as before."""
    content = _fill(tmp_path / "content", SAMPLE_FILES)
    site = run_build(content, tmp_path / "output")
    built = site.files()
    scratch = tmp_path / "cache" / "news_digest"
    manifest = scratch / "outputs.json"
    record = json.loads(manifest.read_text(encoding="utf-8"))
    assert record["complete"] is True
    # What a build killed while writing leaves: its manifest marked unfinished, and half-written files.
    manifest.write_text(json.dumps({**record, "complete": False}), encoding="utf-8")
    planted = [site.output / "en" / "articles" / ".000_28d7cdb8d0d4597e.html.4242.tmp",
               site.output / ".index.html.17.tmp",
               scratch / "worker-abc123.pickle", scratch / ".outputs.json.4242.tmp"]
    for path in planted:
        path.write_bytes(b"half")
    (site.output / "notes.tmp").write_bytes(b"not a temporary file of the build")
    rebuilt = run_build(content, site.output)
    assert [path for path in planted if path.exists()] == []
    assert rebuilt.files() == {**built, "notes.tmp": b"not a temporary file of the build"}
    assert json.loads(manifest.read_text(encoding="utf-8"))["complete"] is True


def test_a_page_an_interrupted_build_cut_off_or_never_wrote_is_whole_after_the_next_build(tmp_path: Path) -> None:
    """New pages are written in place, not through a temporary file: after a build killed mid-page (its manifest
    unfinished, every file's signature unknown), the next build completes the cut-off page and the missing one."""
    content = _fill(tmp_path / "content", SAMPLE_FILES)
    site = run_build(content, tmp_path / "output")
    built = site.files()
    manifest = tmp_path / "cache" / "news_digest" / "outputs.json"
    record = json.loads(manifest.read_text(encoding="utf-8"))
    # What a killed build records before it writes anything: the files it knows of, made from unknown inputs.
    manifest.write_text(json.dumps({**record, "complete": False, "files": dict.fromkeys(record["files"], "")}),
                        encoding="utf-8")
    cut_off, missing = sorted((site.output / "en" / "articles").glob("*.html"))[:2]
    cut_off.write_bytes(cut_off.read_bytes()[:100])
    missing.unlink()
    rebuilt = run_build(content, site.output)
    assert rebuilt.files() == built
