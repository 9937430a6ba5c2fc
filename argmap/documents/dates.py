"""Publication dates as written in front matter, feeds and pages, to ``date`` or ``datetime``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2}):(\d{2}))?")


def parse_date(value: object) -> date | datetime | None:
    """A date or date-time from what a source gives (YAML/TOML values, RFC 2822, ISO 8601, 2022年2月9日)."""
    if isinstance(value, (datetime, date)):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for parse in (_iso, _rfc2822, _chinese, _loose):
        found = parse(text)
        if found is not None:
            return found
    return None


def _iso(text: str) -> date | datetime | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _chinese(text: str) -> date | datetime | None:
    m = _ZH_DATE.search(text)
    if not m:
        return None
    y, mo, d, hh, mm = m.groups()
    try:
        if hh is not None:
            return datetime(int(y), int(mo), int(d), int(hh), int(mm))
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _loose(text: str) -> date | datetime | None:
    """Anything else dateutil can read ("March 3, 2021", "2021/03/03 10:00")."""
    from dateutil import parser

    try:
        found = parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found.time() == datetime.min.time() and found.tzinfo is None else found
