"""py3langid's model, restricted to some languages: loaded only when an article's language must be detected.

Kept apart from `language.py` so a build whose articles all declare or imply their language never imports
numpy and py3langid (a tenth of a second, and their memory).
"""

from __future__ import annotations

import hashlib
import lzma
import math
import os
import shutil
import struct
import tempfile
import unicodedata
import zipfile
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE

from .kept import kept

# The model's arrays, stored uncompressed in an .npz (a zip archive) inside the .xz file.
_NpyMember = tuple[int, np.dtype, tuple[int, ...]]
_PTC_CHUNK_ROWS = 8192
_ROWS_PER_READ = 1024  # rows of the transition table read at once (1 MB)
_MAX_SUFFIX_BYTES = 7  # a suffix's bytes, plus one, are one 64-bit key
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of key × this


def _npy_members(archive: BinaryIO) -> dict[str, _NpyMember]:
    """Where each array's data starts in the uncompressed archive, with its dtype and shape."""
    members = {}
    with zipfile.ZipFile(archive) as zipped:
        infos = zipped.infolist()
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED:
            raise ValueError(f"{MODEL_FILE}: {info.filename} is compressed inside the archive")
        archive.seek(info.header_offset + 26)
        name_length, extra_length = struct.unpack("<HH", archive.read(4))
        archive.seek(info.header_offset + 30 + name_length + extra_length)
        version = np.lib.format.read_magic(archive)
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, fortran_order, dtype = read_header(archive)
        if fortran_order:
            raise ValueError(f"{MODEL_FILE}: {info.filename} is stored in Fortran order")
        members[info.filename.removesuffix(".npy")] = (archive.tell(), dtype, shape)
    return members


def _read_array(fd: int, member: _NpyMember, start: int = 0, count: int | None = None) -> np.ndarray:
    """`count` items of a member from item `start`, read from the file (the rest is never loaded)."""
    offset, dtype, shape = member
    count = math.prod(shape) - start if count is None else count
    return np.frombuffer(os.pread(fd, count * dtype.itemsize, offset + start * dtype.itemsize), dtype=dtype)


class _SuffixTable:
    """Byte strings of one length (as integer keys) and their features, in an open-addressing hash table.

    Looked up for a whole text at once: a sorted array would need a binary search per byte, a table about
    four times the number of keys needs one or two probes.
    """

    def __init__(self, keys: np.ndarray, features: np.ndarray) -> None:
        bits = max(4, int(len(keys) * 4 - 1).bit_length())
        self._shift, self._mask = np.uint64(64 - bits), (1 << bits) - 1
        self._keys = np.zeros(1 << bits, dtype=np.uint64)  # a key plus one; 0 is an empty slot
        self._features = np.full(1 << bits, -2, dtype=np.int32)
        stored = keys + np.uint64(1)
        home = self._home(stored)
        pending, probe = np.arange(len(keys)), 0
        while len(pending):  # linear probing, one round for all the keys still without a slot
            slots = (home[pending] + probe) & self._mask
            free = self._keys[slots] == 0
            taken, first = np.unique(slots[free], return_index=True)
            placed = pending[free][first]
            self._keys[taken], self._features[taken] = stored[placed], features[placed]
            pending, probe = np.setdiff1d(pending, placed, assume_unique=True), probe + 1

    def _home(self, stored: np.ndarray) -> np.ndarray:
        return ((stored * _HASH_MULTIPLIER) >> self._shift).astype(np.int64)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The feature of each key (-1: a node without one), or -2 when the key is not a node."""
        found = np.full(len(keys), -2, dtype=np.int32)
        stored = keys + np.uint64(1)
        active, slots = np.arange(len(keys)), self._home(stored)
        while len(active):
            held = self._keys[slots]
            hit = held == stored
            found[active[hit]] = self._features[slots[hit]]
            going = ~hit & (held != 0)
            active, slots, stored = active[going], (slots[going] + 1) & self._mask, stored[going]
        return found

    def items(self) -> tuple[np.ndarray, np.ndarray]:
        """The keys, sorted, and their features."""
        occupied = np.flatnonzero(self._keys)
        order = np.argsort(self._keys[occupied])
        return self._keys[occupied][order] - np.uint64(1), self._features[occupied][order]


class SuffixLanguageModel:
    """py3langid's model restricted to some languages, with the same features and the same scores.

    py3langid counts byte n-grams by walking a 40 MB transition table: after each byte its state is the
    longest suffix of the text (at most 6 bytes) that is a node of its n-gram trie, and the node's feature,
    if any, is counted. (That is what the table of py3langid 0.4.0 holds, checked for every state and byte:
    `benchmarks/profile_articles.py --verify-langid`.) Here each node's bytes are recovered once from the
    table, read from the model file a few rows at a time, and a text's suffixes are looked up directly; only
    the weights of the languages asked for are kept. The scores are then computed with py3langid's own
    arithmetic, so they are identical to the bit, in a few MB instead of about 75.
    """

    def __init__(self, languages: tuple[str, ...]) -> None:
        with tempfile.TemporaryFile(suffix=".npz") as archive:
            with lzma.open(MODEL_DIR / MODEL_FILE) as compressed:
                shutil.copyfileobj(compressed, archive, length=1 << 20)
            archive.flush()
            members = _npy_members(archive)
            fd = archive.fileno()
            classes = _read_array(fd, members["classes"]).tolist()
            if unknown := set(languages) - set(classes):
                raise ValueError(f"Unknown language code(s): {unknown}")
            # py3langid keeps its classes' order when it is restricted to some of them.
            columns = [index for index, code in enumerate(classes) if code in set(languages)]
            self.classes = [classes[index] for index in columns]
            self.class_scores = _read_array(fd, members["pc"])[columns]
            # A language with two columns (sr, uz: two scripts) gets the sum, in its first column.
            first_column: dict[str, int] = {}
            self._aliases: list[tuple[int, int]] = []
            for index, code in enumerate(self.classes):
                if (first := first_column.setdefault(code, index)) != index:
                    self._aliases.append((first, index))
            features, width = members["ptc"][2]
            self.weights = np.concatenate([
                _read_array(fd, members["ptc"], start * width, min(_PTC_CHUNK_ROWS, features - start) * width)
                .reshape(-1, width)[:, columns] for start in range(0, features, _PTC_CHUNK_ROWS)])
            output = _read_array(fd, members["out_feat"])
            self._root_feature = int(output[0])
            self._tables = self._suffix_tables(fd, members["nextmove"], _read_array(fd, members["nextmove_row"]), output)

    @staticmethod
    def _suffix_tables(fd: int, nextmove: _NpyMember, row_of: np.ndarray,
                       output: np.ndarray) -> list[tuple[int, _SuffixTable]]:
        """The nodes and their features per suffix length, longest first; a node's key is its big-endian bytes.

        A breadth-first walk of the table from the root: a state first reached from a state one byte deep is
        that state's child, its bytes those of the parent and the byte; every other transition goes back to a
        shorter suffix, which the walk has already met.
        """
        states = len(row_of)
        depth = np.full(states, -1, dtype=np.int64)
        key = np.zeros(states, dtype=np.uint64)
        depth[0] = 0
        offset, dtype, shape = nextmove
        table_rows, row_bytes = math.prod(shape) // 256, 256 * dtype.itemsize
        level, length = np.zeros(1, dtype=np.int64), 0
        while len(level):
            # The level's states by row, so that the table is read once per level, a block of rows at a time.
            level_rows = row_of[level]
            order = np.argsort(level_rows, kind="stable")
            level, level_rows = level[order], level_rows[order]
            block_starts = np.arange(0, table_rows, _ROWS_PER_READ)
            bounds = np.searchsorted(level_rows, [*block_starts, table_rows])
            reached = []
            for first_row, low, high in zip(block_starts.tolist(), bounds[:-1].tolist(), bounds[1:].tolist()):
                if low == high:
                    continue
                rows = min(_ROWS_PER_READ, table_rows - first_row)
                block = np.frombuffer(os.pread(fd, rows * row_bytes, offset + first_row * row_bytes), dtype=dtype)
                sources = level[low:high]
                targets = block.reshape(rows, 256)[level_rows[low:high] - first_row]
                source, byte = np.nonzero(depth[targets] == -1)
                new = targets[source, byte]
                depth[new] = length + 1
                key[new] = key[sources[source]] * np.uint64(256) + byte.astype(np.uint64)
                reached.append(new)
            level = np.concatenate(reached).astype(np.int64) if reached else np.zeros(0, dtype=np.int64)
            length += 1
        if (depth < 0).any() or depth.max() > _MAX_SUFFIX_BYTES:
            raise ValueError(f"{MODEL_FILE}: the transition table is not the trie this reader expects")
        return [(length, _SuffixTable(key[depth == length], output[depth == length].astype(np.int32)))
                for length in range(int(depth.max()), 0, -1)]

    def _features(self, data: bytes) -> np.ndarray:
        """The feature counted after each byte, in text order, as py3langid's walk counts them."""
        text = np.frombuffer(data, dtype=np.uint8).astype(np.uint64)
        # windows[length - 1][i]: the `length` bytes from byte i, as a key.
        windows = [text]
        for length in range(2, self._tables[0][0] + 1):
            windows.append((windows[-1][:-1] << np.uint64(8)) | text[length - 1:])
        found = np.full(len(text), -2, dtype=np.int32)  # -2: no node yet; -1: a node without a feature
        for length, table in self._tables:
            # Only the positions whose longer suffixes are not nodes.
            open_ = np.flatnonzero(found[length - 1:] == -2)
            if len(open_):
                found[open_ + (length - 1)] = table.lookup(windows[length - 1][open_])
        found[found == -2] = self._root_feature  # no suffix is a node: the walk is back at the root
        return found[found >= 0]

    def classify(self, text: str) -> str:
        """The most likely of the model's languages, exactly as py3langid's `classify` with `norm_probs`."""
        return self.classes[int(self.scores(text).argmax())]

    def scores(self, text: str) -> np.ndarray:
        """The probability of each of `classes`: py3langid's `_encode`, `_raw_score` and `_decide`, step by step."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        found = self._features(data)
        if len(found):
            # py3langid's Counter: features in the order they first occur.
            features, first, counts = np.unique(found, return_index=True, return_counts=True)
            order = np.argsort(first)
            counts = counts[order].astype(np.float32)
            scores = np.log1p(counts) @ self.weights[features[order].astype(np.intp)] + self.class_scores
        else:
            scores = np.full(len(self.classes), 0.0, dtype=np.float32)
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for first, duplicate in self._aliases:
            scores[first] += scores[duplicate]
            scores[duplicate] = 0.0
        return scores


def load_model(languages: tuple[str, ...], folder: Path | None) -> SuffixLanguageModel:
    """The model for `languages`, kept in `folder` (a cache) once built: building it decompresses py3langid's
    whole model, about half a second, which a rebuild that adds one article would otherwise pay again."""
    digest = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8)
    digest.update(f"{version('py3langid')}|{(MODEL_DIR / MODEL_FILE).stat().st_size}".encode())
    return kept(folder, f"language-model-{'-'.join(languages)}", digest.hexdigest(),
                lambda: SuffixLanguageModel(languages), SuffixLanguageModel)
