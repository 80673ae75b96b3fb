"""URL-safe identifiers shared by both halves (entity ids, note slugs, topic ids)."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 12)  # a site slugifies its most frequent names again and again
def slugify(text: str, *, max_length: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated; never empty, never contains '/' or '..'.

    >>> slugify("Lee Jae-myeong")
    'lee-jae-myeong'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text.lower().replace("'", "").replace("\u2019", "")).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "untitled"
