"""Briefing + Article -> the Markdown body of a note (the human-editable rendering).

Links to entity pages are written root-relative ("/people/lee-jae-myeong/"); the renderer
prefixes the site's base path, so notes never depend on where the site is deployed.
Paragraph anchors use the `{#p3}` block-attribute syntax (mdit-py-plugins attrs_block).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Article, Briefing, Evidence

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#{}&])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])(\s|$)|^(\s*)([-+=])()", re.MULTILINE)


def escape_md(text: str) -> str:
    """Escape text so Markdown shows it literally (inline, tables and line starts)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(_escape_list_marker, escaped)


def _escape_list_marker(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}{match.group(4)}"
    return f"{match.group(5)}\\{match.group(6)}{match.group(7)}"


def _cell(text: str) -> str:
    return escape_md(text).replace("\n", " ")


def _evidence(evidence: Evidence) -> str:
    return ", ".join(f"[¶{pid[1:]}](#{pid})" if pid != "p0" else "[headline](#p0)" for pid in evidence)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_body(briefing: Briefing, article: Article, *, country_names: dict[str, str]) -> str:
    """The note body: each section of the note format, present only when it has content."""
    out: list[str] = []
    errors = [f for f in briefing.flags if f.severity == "error"]
    if errors:
        for flag in errors:
            out.append(f"> **Check the source:** {escape_md(flag.message)} ({_evidence(flag.evidence)})")
            out.append(">")
        out.pop()
        out.append("")
    if briefing.summary:
        out += ["## BLUF", "", escape_md(briefing.summary), ""]
    if briefing.key_points:
        out += ["## Key points", ""] + [f"- {escape_md(point)}" for point in briefing.key_points] + [""]
    if briefing.watch:
        rows = [(w.date or "open", _cell(w.item), f"{w.modality} ({_evidence(w.evidence)})") for w in briefing.watch]
        out += ["## What to watch", "", *_table(("When", "What", "Basis"), rows), ""]
    if briefing.people:
        rows = [
            (
                f"[{_cell(p.name)}](/people/{p.id}/)",
                _cell(p.role or "—"),
                _cell(country_names.get(p.country, p.country) if p.country else "—"),
            )
            for p in briefing.people
        ]
        out += ["## Who's who", "", *_table(("Person", "Role", "Country"), rows), ""]
    if briefing.quotes:
        out += ["## Quotes", ""]
        for quote in briefing.quotes:
            if quote.fragment:
                continue
            speaker = quote.speaker_name or "Unattributed"
            if quote.speaker and any(p.id == quote.speaker for p in briefing.people):
                speaker = f"[{escape_md(speaker)}](/people/{quote.speaker}/)"
            else:
                speaker = escape_md(speaker)
            out += [f"> {escape_md(quote.text)}", ">", f"> — {speaker}, {_evidence(quote.evidence)}", ""]
        fragments = [q for q in briefing.quotes if q.fragment]
        if fragments:
            quoted = "; ".join(f"“{escape_md(q.text)}” ({_evidence(q.evidence)})" for q in fragments)
            out += [f"Quoted phrases: {quoted}", ""]
        if out[-2] == "## Quotes":
            out = out[:-2]
    if briefing.timeline:
        rows = [
            (
                e.date + (" (inferred)" if e.inferred else ""),
                _cell(e.event),
                f"{e.status} — “{_cell(e.text)}” ({_evidence(e.evidence)})",
            )
            for e in briefing.timeline
        ]
        out += ["## Timeline", "", *_table(("Date", "Event", "Basis"), rows), ""]
    out += ["## Source", "", "{#p0}", f"**{escape_md(article.headline)}**", ""]
    for index, paragraph in enumerate(article.paragraphs, start=1):
        text = escape_md(paragraph).replace("\n", "  \n")
        out += [f"{{#p{index}}}", f"{text} [¶{index}](#p{index})", ""]
    return "\n".join(out).rstrip() + "\n"
