"""The one ISO date reader (notes, seeds and settings), kept apart so reading a note or the settings
does not import the extraction model."""

from __future__ import annotations

from datetime import date, datetime


def parse_iso_date(value: object) -> date:
    """A date from YAML/TOML (already a date or datetime) or an ISO string; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
