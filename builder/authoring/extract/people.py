"""The article's people: full names clustered, and short forms resolved to them.

"George Bush" and "George W Bush" are one person; a bare surname or an honorific form ("Takai",
"Mr Brown") joins the full name it refers to, the nearest one before it when two people share a
surname, and a family-first surname stands for the whole name ("Lee" of "Lee Jae-myeong").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import lru_cache

from ...model import Person
from ...notes.slugs import slugify
from .clusters import Cluster
from .mentions import PERSON, Mention
from .name_lexicon import KOREAN_GIVEN, STYLES, wordlist

# Family-first East Asian surnames: "Lee" alone is Lee Jae-myeong, "Hu" alone is Hu Jintao.
_FAMILY_FIRST = frozenset(
    wordlist(
        """Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong
    Jeon Ko Moon Roh Ban Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He
    Gao Lin Luo Zheng Liang Xie Tang Xi Wen Jiang Deng Mao Hun"""
    )
)


@lru_cache(maxsize=4096)
def surname_keys(name: str) -> tuple[str, ...]:
    """Single words that may stand for the whole name: the surname; the family name when it
    comes first ("Lee" of "Lee Jae-myeong")."""
    words = name.split()
    if len(words) < 2:
        return (name,)
    keys = [words[-1]]
    if len(words) == 2 and (KOREAN_GIVEN.match(words[1]) or words[0] in _FAMILY_FIRST):
        keys.append(words[0])
    return tuple(keys)


@lru_cache(maxsize=4096)
def _ends(name: str) -> tuple[str, str]:
    words = name.split()
    return words[0], words[-1]


def cluster_people(body: list[Mention]) -> list[Cluster]:
    """Clusters of full-name people; "George Bush" and "George W Bush" are one person."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], Cluster] = {}
    for mention in body:
        words = mention.text.split()
        if mention.kind != PERSON or len(words) < 2 or mention.text.split()[0] in STYLES:
            continue
        key = (words[0], words[-1])
        cluster = by_key.get(key)
        if cluster is None:
            cluster = by_key[key] = Cluster(mention.text)
            clusters.append(cluster)
        elif len(words) > len(cluster.name.split()):
            cluster.name = mention.text
    return clusters


def find_person(mention: Mention, people: list[Cluster], *, create: bool) -> Cluster | None:
    """The full-name person a mention refers to: by full name, then by surname (nearest before)."""
    text = mention.text
    words = text.split()
    ends = (words[0], words[-1]) if len(words) > 1 else None
    for cluster in people:
        if cluster.name == text or (ends is not None and ends == _ends(cluster.name)):
            return cluster
    candidates = []
    by_given = (mention.form or "").startswith(("Sir ", "Dame "))
    if len(words) == 1:
        for cluster in people:
            if text in surname_keys(cluster.name) or (by_given and cluster.name.split()[0] == text):
                candidates.append(cluster)
    if len(candidates) > 1:
        # Two people share the surname: the text's own order decides (nearest mention before).
        here = (mention.pid, mention.pos)
        before = [
            (max(seen), c)
            for c in candidates
            if (seen := [(m.pid, m.pos) for m in c.mentions if (m.pid, m.pos) < here])
        ]
        candidates = [max(before, key=lambda pair: pair[0])[1]] if before else []
    if candidates:
        return candidates[0]
    if create:
        # "Sir Michael" with no fuller form keeps the style: "Michael" alone would mislead
        cluster = Cluster(mention.form if by_given and mention.form else text)
        people.append(cluster)
        return cluster
    return None


def make_people(people: list[Cluster]) -> tuple[Person, ...]:
    made: list[Person] = []
    for cluster in sorted((c for c in people if c.mentions), key=lambda c: c.first):
        mentions = sorted(cluster.mentions, key=lambda m: (m.pid, m.pos))
        with_role = [m for m in mentions if m.role] or [m for m in mentions if m.country]
        source = with_role[0] if with_role else None
        country = next((m.country for m in mentions if m.country), None)
        aliases = [m.form or m.text for m in mentions]
        made.append(
            Person(
                name=cluster.name,
                id=slugify(cluster.name),
                role=source.role if source else None,
                country=country,
                former=bool(source and source.former),
                aliases=tuple(a for a in dict.fromkeys(aliases) if a != cluster.name),
                mentions=len(mentions),
                evidence=cluster.evidence(),
            )
        )
    return tuple(_inherit_countries(made))


def _inherit_countries(people: list[Person]) -> Iterable[Person]:
    """A holder of a title without a stated country takes the country of an earlier holder of the
    same title: "then-Prime Minister Shigeru Ishiba" after "Japanese Prime Minister Sanae Takai"."""
    seen: dict[str, str] = {}
    for person in people:
        key = _title_key(person.role)
        if person.country is None and key in seen:
            person = dataclasses.replace(person, country=seen[key])
        if key and person.country:
            seen.setdefault(key, person.country)
        yield person


def _title_key(role: str | None) -> str:
    if not role:
        return ""
    return re.sub(r"^(then-|ex-|former\s+)", "", role, flags=re.IGNORECASE).lower()
