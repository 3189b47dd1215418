"""Publication dates: only from metadata, never from the file system, so builds stay reproducible."""

from __future__ import annotations

import datetime as dt
import re

from .document import ArticleDocument

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
# A date in the first or last year of the calendar cannot be moved to another time zone (feeds write UTC).
_YEARS = range(2, 9999)


def parse_date(value: str) -> dt.datetime | None:
    """An ISO 8601 date or date-time (`2026-03-14`, `2026-03-14T09:30+01:00`), or `14/03/2026`; else None.

    Years 1 and 9999 give None too: their dates may not exist in another time zone.
    """
    value = value.strip()
    try:
        date = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = _DAY_FIRST.match(value)
        if not match:
            return None
        day, month, year = (int(group) for group in match.groups())
        try:
            date = dt.datetime(year, month, day)
        except ValueError:
            return None
    return date if date.year in _YEARS else None


def assign_date(doc: ArticleDocument) -> None:
    """Assign `date` from a `Date:` line; with none, the date stays unknown."""
    if "date" not in doc.header:
        return
    field = doc.header["date"]
    doc.date = parse_date(field.value)
    if doc.date is None:
        doc.warn(f"`Date: {field.value}` is not a date this reader understands; the date is shown as unknown",
                 "Write it as 2026-03-14 or 2026-03-14T09:30", field.line)
