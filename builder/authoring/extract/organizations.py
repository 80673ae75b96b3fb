"""The article's organisations: variants of one name merged, and their records made.

"Altria" after "Altria Group", "CSA" in a story about the "Child Support Agency", "the Marlins"
after "Florida Marlins" are one organisation; a national arm ("AOL UK") stays apart.
"""

from __future__ import annotations

from ...model import Organization
from ...notes.slugs import slugify
from .clusters import Cluster, as_written
from .gazetteer import Gazetteer
from .mentions import Mention
from .name_lookup import is_territory


def merge_org_variants(orgs: dict[str, Cluster], gaz: Gazetteer) -> None:
    """'Media Council' after 'Ugandan Media Council', 'Altria' after 'Altria Group': one organisation.
    A national arm ("AOL UK") stays apart from its parent ("AOL")."""
    names = sorted(orgs, key=lambda n: -len(n.split()))
    for short in names:
        words = short.split()
        for long in names:
            if long == short or len(long.split()) <= len(words) or long not in orgs or short not in orgs:
                continue
            long_words = long.split()
            if len(words) == 1 and is_territory(long_words[-1], gaz):
                continue
            if (
                (len(words) >= 2 and long_words[-len(words) :] == words)
                or (len(words) == 1 and long_words[0] == short and len(long_words) == 2)
                or (long_words[-1] == short and _is_club(orgs[long]) and _is_club(orgs[short]))
            ):
                orgs[long].mentions.extend(orgs.pop(short).mentions)
                break


def merge_acronyms(orgs: dict[str, Cluster]) -> None:
    """'CSA' in a story about the 'Child Support Agency': an undefined acronym that spells the
    initials of an organisation the article names is that organisation."""
    by_initials: dict[str, str] = {}
    for name in orgs:
        initials = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())
        if len(initials) >= 2 and " " in name:
            by_initials.setdefault(initials, name)
    for name in list(orgs):
        long = by_initials.get(name)
        if long and name.isupper() and long in orgs and name in orgs:
            cluster = orgs.pop(name)
            orgs[long].mentions.extend(m._replace(abbreviation=name) for m in cluster.mentions)


def attach_short_org_names(names: list[Mention], orgs: dict[str, Cluster]) -> None:
    """'Altria' after 'Altria Group': a company's first word alone names it again."""
    firsts: dict[str, list[str]] = {}
    for name, cluster in orgs.items():
        words = name.split()
        if len(words) >= 2 and words[0][:1].isupper():
            firsts.setdefault(words[0], []).append(name)
            if words[0].endswith(("'s", "\u2019s")):  # "Boatmen" for "Boatmen's Bancshares Inc."
                firsts.setdefault(words[0][:-2], []).append(name)
        if len(words) >= 2 and any(m.detail == "club" for m in cluster.mentions):
            # "the Marlins", "the Red Sox" after "Florida Marlins", "Boston Red Sox"
            for size in (1, 2):
                if size < len(words):
                    firsts.setdefault(" ".join(words[-size:]), []).append(name)
    for mention in names:
        owners = firsts.get(mention.text, [])
        if len(owners) == 1:
            orgs[owners[0]].mentions.append(mention)


def make_orgs(orgs: dict[str, Cluster], body: str) -> tuple[Organization, ...]:
    made = []
    for cluster in sorted(orgs.values(), key=lambda c: c.first):
        kinds = [m.detail for m in cluster.mentions if m.detail and m.detail != "acronym"]
        abbreviation = next((m.abbreviation for m in cluster.mentions if m.abbreviation), None)
        # The abbreviation is an alias too where the text uses it ("OSCE" after its long name).
        name = as_written(cluster.name, cluster, body, acronyms_only=not _is_club(cluster))
        surfaces = {m.form or m.text for m in cluster.mentions} - {name}
        made.append(
            Organization(
                name=name,
                id=slugify(cluster.name),
                kind=kinds[0] if kinds else "organization",
                abbreviation=abbreviation if abbreviation != cluster.name else None,
                aliases=tuple(sorted(s for s in surfaces if s)),
                evidence=cluster.evidence(),
            )
        )
    return tuple(made)


def _is_club(cluster: Cluster) -> bool:
    return any(m.detail == "club" for m in cluster.mentions)
