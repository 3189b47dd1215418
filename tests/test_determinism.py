"""The same articles give the same site, byte for byte, whatever the interpreter's hash seed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.generate import generate, write_raw
from conftest import DEV_CORPUS, PROJECT_DIR

GENERATED_ARTICLES = 300


def _build(content: Path, root: Path, hash_seed: str) -> dict[str, bytes]:
    """A clean build in its own interpreter (set and dict orders follow PYTHONHASHSEED)."""
    output = root / "output"
    subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(PROJECT_DIR / "pelicanconf.py"),
                    "-o", str(output), "--cache-path", str(root / "cache"), "-e", "NEWS_DIGEST_SEARCH=false"],
                   cwd=PROJECT_DIR, env={**os.environ, "PYTHONHASHSEED": hash_seed}, check=True, capture_output=True)
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*")) if path.is_file()}


def test_builds_under_different_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    for path in DEV_CORPUS.glob("*.txt"):
        shutil.copy(path, content / path.name)
    # Generated articles share many actors and spellings: the linking and story stages get real work.
    write_raw(generate(GENERATED_ARTICLES, seed=3), content / "generated")
    first, second = _build(content, tmp_path / "a", "1"), _build(content, tmp_path / "b", "2")
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
