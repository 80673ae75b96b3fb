"""Entities across briefings: the aliases file and surname-only mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import ConfigError
from builder.notes.note import parse_note
from builder.publish.aliases import load_aliases, parse_aliases
from builder.publish.gather import make_site


def note(slug: str, people: list[str], date: str = "2005-01-0") -> object:
    items = "".join(f"  - name: {name}\n" for name in people)
    text = f"---\ntitle: Story {slug}\ndate: {date}{len(slug) % 9 + 1}\npeople:\n{items}---\nBody.\n"
    return parse_note(text, file=f"content/{slug}.md", default_slug=slug)


def test_aliases_file_merges_romanisation_variants_into_one_page() -> None:
    aliases = parse_aliases('[people]\n"Lee Jae-myung" = "Lee Jae-myeong"\n', file="aliases.toml")
    site = make_site([note("a", ["Lee Jae-myeong"]), note("bb", ["Lee Jae-myung"])], aliases=aliases)  # type: ignore[list-item]
    people = site.entities["people"]
    assert list(people) == ["lee-jae-myeong"]
    assert people["lee-jae-myeong"].briefings == ("bb", "a")
    assert "Lee Jae-myung" in people["lee-jae-myeong"].aliases


def test_surname_alone_joins_the_only_person_with_that_surname() -> None:
    site = make_site([note("a", ["Gordon Brown"]), note("bb", ["Brown"])])  # type: ignore[list-item]
    people = site.entities["people"]
    assert list(people) == ["gordon-brown"] and len(people["gordon-brown"].briefings) == 2


def test_surname_shared_by_two_people_is_never_merged() -> None:
    notes = [note("a", ["Gordon Brown"]), note("bb", ["Nick Brown"]), note("ccc", ["Brown"])]
    site = make_site(notes)  # type: ignore[arg-type]
    assert set(site.entities["people"]) == {"gordon-brown", "nick-brown", "brown"}


def test_bad_aliases_file_names_the_table_and_key(tmp_path: Path) -> None:
    (tmp_path / "aliases.toml").write_text('[people]\n"Brown" = 3\n')
    with pytest.raises(ConfigError, match=r"aliases.toml: \[people\] 'Brown'"):
        load_aliases(tmp_path / "aliases.toml", display="aliases.toml")
    with pytest.raises(ConfigError, match=r"unknown table \[persons\]"):
        parse_aliases('[persons]\n"a" = "b"\n', file="aliases.toml")


def test_a_shorter_full_name_and_the_surname_join_the_one_fuller_name() -> None:
    notes = [note("a", ["George W. Bush"]), note("bb", ["George Bush"]), note("ccc", ["Bush"])]
    site = make_site(notes)  # type: ignore[arg-type]
    people = site.entities["people"]
    assert list(people) == ["george-w-bush"] and len(people["george-w-bush"].briefings) == 3


def test_a_shorter_name_inside_two_fuller_ones_stays_apart() -> None:
    notes = [note("a", ["George W. Bush"]), note("bb", ["George H. W. Bush"]), note("ccc", ["George Bush"])]
    site = make_site(notes)  # type: ignore[arg-type]
    assert "george-bush" in site.entities["people"]


def test_mrs_and_president_of_one_surname_never_merge() -> None:
    mrs = parse_note(
        "---\ntitle: A\ndate: 2005-01-02\npeople:\n  - name: Reagan\n    aliases: [Mrs Reagan]\n---\nBody.\n",
        file="content/a.md",
        default_slug="a",
    )
    president = parse_note(
        "---\ntitle: B\ndate: 2005-01-03\npeople:\n  - name: Reagan\n    role: President\n---\nBody.\n",
        file="content/b.md",
        default_slug="b",
    )
    site = make_site([mrs, president, note("c", ["Nancy Reagan"]), note("d", ["Ronald Reagan"])])  # type: ignore[list-item]
    people = site.entities["people"]
    assert {"mrs-reagan", "reagan", "nancy-reagan", "ronald-reagan"} == set(people)
