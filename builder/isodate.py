"""The one ISO date reader (notes, seeds and settings) and the one list of month names (read by
the extractor, written by the site), kept apart so neither half imports the other for them."""

from __future__ import annotations

from datetime import date, datetime


def parse_iso_date(value: object) -> date:
    """A date from YAML/TOML (already a date or datetime) or an ISO string; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
"""English month names; every month word set, pattern and label is made from this list."""
