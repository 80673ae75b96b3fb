"""`aliases.toml`: the user's say over which names are one entity across briefings.

Each table maps a name as notes write it to the name its page should carry, which merges
variants ("Lee Jae-myung" and "Lee Jae-myeong") and renames entities, without editing notes:

    [people]
    "Lee Jae-myung" = "Lee Jae-myeong"
    [organizations]
    "Tories" = "Conservative Party"
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

from ..errors import ConfigError

KINDS = ("people", "places", "organizations")
Aliases = Mapping[str, Mapping[str, str]]
"""kind -> casefolded variant -> canonical name"""


def parse_aliases(text: str, *, file: str) -> dict[str, dict[str, str]]:
    """Pure: TOML text -> aliases, with errors naming the file and the table or key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from None
    aliases: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for kind, table in data.items():
        if kind not in KINDS or not isinstance(table, dict):
            raise ConfigError(f"{file}: unknown table [{kind}]; expected tables {', '.join(f'[{k}]' for k in KINDS)}")
        for variant, canonical in table.items():
            if not isinstance(canonical, str) or not canonical.strip():
                raise ConfigError(f"{file}: [{kind}] {variant!r}: expected a name (a non-empty string)")
            aliases[kind][variant.strip().casefold()] = canonical.strip()
    return aliases


def load_aliases(path: Path, *, display: str) -> dict[str, dict[str, str]]:
    """The project's aliases file, or no aliases when it does not exist."""
    if not path.is_file():
        return {kind: {} for kind in KINDS}
    return parse_aliases(path.read_text(encoding="utf-8"), file=display)
