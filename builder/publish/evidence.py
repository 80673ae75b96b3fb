"""¶ links for the BLUF and key points, found in the note's own source text.

Every other item of a note points at its evidence paragraph; the BLUF and key points are
extractive, so the paragraph they came from is the one of the body's Source section that holds
their words. A sentence a person rewrote so that no paragraph holds it gets no link.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\(.)")
_PILCROW = re.compile(r"\s*\[¶\d+\]\(#p\d+\)\s*$")
_ANCHOR = re.compile(r"^\{#(p\d+)\}$")
_PREFIX_WORDS = 8
"""A sentence trimmed at its end (a dropped clause) is still found by its first words."""


def _plain(markdown: str) -> str:
    """Escaped Markdown text -> its words, case-folded, on one line."""
    return " ".join(_ESCAPE.sub(r"\1", markdown).split()).casefold()


def _paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    """(anchor, plain text) of each paragraph of the Source section ("{#p3}" then its lines)."""
    found: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        anchor = _ANCHOR.match(line)
        if not anchor or anchor.group(1) == "p0":
            continue
        text: list[str] = []
        for following in lines[index + 1 :]:
            if not following.strip():
                break
            text.append(_PILCROW.sub("", following))
        found.append((anchor.group(1), _plain(" ".join(text))))
    return found


def _source_of(sentence: str, paragraphs: list[tuple[str, str]]) -> str:
    plain = _plain(sentence).rstrip(".!?…")
    words = plain.split()
    if len(words) < 3:
        return ""
    prefix = " ".join(words[:_PREFIX_WORDS])
    for needle in (plain, prefix if len(words) > _PREFIX_WORDS else ""):
        if needle:
            for anchor, text in paragraphs:
                if needle in text:
                    return anchor
    return ""


def link_summary_evidence(body: str) -> str:
    """The body with a ¶ link after the BLUF paragraph and after each key point whose source
    paragraph is found; unchanged when the body has no Source section."""
    if "\n## Source" not in body and not body.startswith("## Source"):
        return body
    lines = body.split("\n")
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        return body
    section, paragraph = "", ""
    for index, line in enumerate(lines):
        if line.startswith("## "):
            section, paragraph = line[3:].strip(), ""
        elif section == "BLUF" and line.strip():
            paragraph += " " + line
            last = index + 1 >= len(lines) or not lines[index + 1].strip()
            if last and "](#p" not in paragraph:
                lines[index] = _linked(line, _source_of(paragraph, paragraphs))
        elif section == "BLUF":
            paragraph = ""
        elif section == "Key points" and line.startswith("- ") and "](#p" not in line:
            lines[index] = _linked(line, _source_of(line[2:], paragraphs))
    return "\n".join(lines)


def _linked(line: str, anchor: str) -> str:
    return f"{line} [¶{anchor[1:]}](#{anchor})" if anchor else line
