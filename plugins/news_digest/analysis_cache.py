"""The per-article analysis cache: a document is re-analysed only when its bytes or what analysis depends on change.

A document's key is a hash of its path in the content folder, its bytes, and the analysis fingerprint
(`AnalysisConfig.fingerprint`): the pipeline's configuration, the contents of every knowledge-base, taxonomy
and name-list file, and the pipeline's own code. Change any of these and every key changes, so a stale
analysis is never reused.

The cache is one SQLite file: each write is a transaction, so an interrupted build leaves the cache as it
was before the write or after it, never half-written.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from .pipeline.document import ArticleDocument

logger = logging.getLogger(__name__)

CACHE_FILE = "analysis.sqlite3"


def document_key(fingerprint: str, source: str, raw: bytes) -> str:
    """The cache key of the article at content path `source` with bytes `raw`."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(fingerprint.encode("ascii") + b"\0" + source.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(raw)
    return digest.hexdigest()


class AnalysisCache:
    """Analysed documents by key, in `<cache folder>/news_digest/analysis.sqlite3`."""

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / "news_digest" / CACHE_FILE
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._connection = self._open()
            except sqlite3.DatabaseError as error:
                # A damaged cache only costs time: start a new one.
                logger.warning("news_digest.cache: %s is damaged (%s); it was replaced by an empty cache",
                               self.path, error)
                self.path.unlink(missing_ok=True)
                self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path)
        connection.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, document BLOB NOT NULL)")
        return connection

    def load(self, keys: Iterable[str]) -> dict[str, ArticleDocument]:
        """The cached documents among `keys`; an entry that cannot be read back counts as missing."""
        wanted = list(keys)
        found: dict[str, ArticleDocument] = {}
        connection = self._connect()
        for start in range(0, len(wanted), 500):  # SQLite limits the parameters of one statement
            batch = wanted[start:start + 500]
            rows = connection.execute(f"SELECT key, document FROM documents WHERE key IN ({','.join('?' * len(batch))})",
                                      batch)
            for key, blob in rows:
                try:
                    document = pickle.loads(blob)
                except Exception:  # noqa: BLE001 - any unreadable entry is simply analysed again
                    continue
                if isinstance(document, ArticleDocument):
                    found[key] = document
        return found

    def store(self, documents: Mapping[str, ArticleDocument], keep: Iterable[str]) -> None:
        """Add `documents`, and forget every entry not in `keep` (edited and deleted articles' old analyses)."""
        connection = self._connect()
        with connection:  # one transaction
            connection.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?)",
                                   [(key, pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
                                    for key, document in documents.items()])
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM kept")
            connection.executemany("INSERT OR IGNORE INTO kept VALUES (?)", [(key,) for key in keep])
            connection.execute("DELETE FROM documents WHERE key NOT IN (SELECT key FROM kept)")

    def close(self) -> None:
        """Close the database file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
