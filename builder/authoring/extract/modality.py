"""Tense and hedges: what the verbs of a clause say about when, and how surely, something happens.

A date phrase belongs to the verb it attaches to; that verb's tense decides which "Friday" is
meant and its modality (expected / planned / possible) becomes the event's status. Hedges are
read from the text, never strengthened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .date_phrases import DateMention
from .lexicon import word_set
from .sentences import split_sentences

FORWARD = ("expected", "planned", "possible")

# Coordinated main clauses often carry different hedges ("is planning to dissolve ... in late
# January, and an election could be held ..."), so each gets its own modality and event.
_CLAUSE_BREAK = re.compile(r"[\"\u201c\u201d()]|;\s+|,\s+(?:and|but|while|whereas|although|though|yet)\s+")
QUOTATION = re.compile(r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)")
_LOOKING_AHEAD = re.compile(r"\b(?:for|ahead\s+of|before|until|till)\s+$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")

_BE_PRESENT = word_set("be been being is are am get gets got 's")
_PERFECT = word_set("has have had having 've")
SPEECH = word_set(
    "said says say told added announced warned stated explained noted insisted claimed argued urged wrote "
    "reported confirmed revealed"
)
_DETERMINERS = word_set("the a an his her its their our my your this that these those bad poor high low")
_PRONOUNS = word_set("he she it they we i")
_EXPECTED = word_set("expected expects expect expecting predicted predicts projected projecting anticipated")
_PLANNED = word_set("will shall planning planned scheduled intends intend intending")
_POSSIBLE = word_set("could might hoping considering considers possibly perhaps potentially")
_HEDGES = _EXPECTED | _PLANNED | _POSSIBLE
# Words that are nouns as often as verbs ("the plan", "hope of"): a hedge only before "to".
_BEFORE_TO = {"plan": "planned", "plans": "planned", "aim": "planned", "aims": "planned", "aiming": "planned"}
_BEFORE_TO |= {"forecast": "expected", "forecasts": "expected", "hope": "possible", "hopes": "possible"}
_HEDGE_ADVERBS = {"probably": "expected", "likely": "expected", "possibly": "possible", "perhaps": "possible"}
_NOT_VERB_AFTER = word_set("the a an its his her their our of in for with by than more most very newly")
_IRREGULAR_PAST = word_set(
    "was were did had said told took held met made went came gave won lost saw began left fell rose sold "
    "bought paid brought thought became found kept led ran spent spoke stood struck wrote grew drew knew "
    "threw hit cut put set shut quit beat broke chose froze stole woke sent built meant felt heard laid sat "
    "fought sought taught caught died fled flew shot sank rang drove"
)
_NOT_PAST = word_set("need needed indeed hundred speed proceed exceed succeed breed seed feed shed bed red")
_FRONTING = word_set("on in by at from since and but meanwhile then until")
HEADLESS_START = word_set(
    "which who whose where whom is are was were will would has have had can could may might should shall"
)
"""Words that open a relative clause or a verb phrase: a piece starting on one lacks its subject."""
DANGLING_END = word_set(
    "to of and or but with the a an in on at for by from as than which who whose where when while because "
    "if is are was were be has have had its their his her our this these those that according"
)
# Cheap substring test before tokenising a clause for an undated plan or hedge (" to " first:
# it is in most clauses that have any).
_FORWARD_HINTS = (" to ", *_HEDGES, "'ll", "due", "likely", "set", "propose", "suggest", "should")
_CONDITIONS = word_set("if unless whether")
# Every word `marker_of` can read as a marker without looking at its neighbours (besides words
# ending in "ed" or "'ll" and words after "have"): any other word is no marker, tested first.
_MARKER_WORDS = (
    _HEDGES
    | _EXPECTED
    | _PLANNED
    | _POSSIBLE
    | _IRREGULAR_PAST
    | _PERFECT
    | frozenset(_BEFORE_TO)
    | word_set("could might would may hope hopes will shall should due likely set is are going was were did had")
    | word_set("to can being")
)
_PARTICIPLES = word_set(
    "shown seen given taken done known broadcast begun driven chosen written spoken beaten drawn thrown grown "
    "flown sworn played"
)


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence read on its own: its text and where it starts in the paragraph."""

    text: str
    start: int


def clauses_of(paragraph: str, mentions: list[DateMention], skip: int) -> list[tuple[DateMention, Clause]]:
    """Pair each mention with the clause of its sentence that contains it."""
    pairs: list[tuple[DateMention, Clause]] = []
    if not mentions:
        return pairs
    for sentence in split_sentences(paragraph):
        end = sentence.start + len(sentence.text)
        inside = [m for m in mentions if sentence.start <= m.start < end]
        if not inside:
            continue
        start = max(sentence.start, skip)
        clauses = split_clauses(paragraph[start:end], start)
        for mention in inside:
            pairs.append((mention, next(c for c in reversed(clauses) if c.start <= mention.start)))
    return pairs


def split_clauses(text: str, offset: int) -> list[Clause]:
    """Split a sentence into coordinated clauses of four words or more, never inside quotes or brackets."""
    clauses: list[Clause] = []
    start, quoted, depth = 0, False, 0
    for match in _CLAUSE_BREAK.finditer(text):
        token = match.group(0)
        if token in '"\u201c\u201d':
            quoted = token == "\u201c" or (token == '"' and not quoted)
        elif token in "()":
            depth = max(0, depth + (1 if token == "(" else -1))
        elif not quoted and depth == 0 and _long_enough(text[start : match.start()], text[match.end() :]):
            clauses.append(Clause(text[start : match.start()], offset + start))
            start = match.end()
    clauses.append(Clause(text[start:], offset + start))
    return clauses


def count_words(text: str) -> int:
    return len(text.split())


def _long_enough(left: str, right: str) -> bool:
    """Both sides of a clause break have four words or more ("rose in 2003, and in 2004" stays whole),
    and the right side has a subject of its own ("..., and will cover" shares the left side's)."""
    if count_words(left) < 4 or count_words(right) < 4:
        return False
    head = right.split(None, 1)[0]
    return not (head.islower() and head in HEADLESS_START)


# --- tense and modality -------------------------------------------------------------------
def read_tense(clause: str, start: int, end: int) -> tuple[str | None, int]:
    """The tense or hedge governing the phrase at [start, end) and the direction it points in.

    The direction is -1 (past), +1 (ahead) or 0 (unknown): it decides whether a bare "Friday"
    or "in June" is the last one before the story or the next one.
    """
    tense = governing_tense(clause, start, end)
    direction = 1 if tense in FORWARD else -1 if tense in ("past", "possible-past") else 0
    if _LOOKING_AHEAD.search(clause, max(0, start - 12), start):
        direction = 1  # "for Saturday's match", "ahead of Friday's vote": still to come
    return tense, direction


def governing_tense(clause: str, start: int, end: int) -> str | None:
    """The tense or hedge of the verb a date phrase attaches to.

    A phrase fronted in its clause ("On Wednesday, the leaders are expected to ...") belongs
    to the verb after it; elsewhere to the nearest verb before it ("said on Friday"), and
    failing that to the one after. Returns past / possible-past / expected / planned / possible / None.
    """
    region = _quoted_region(clause, start)
    if region is not None:  # inside a quotation the speaker's own verbs govern, not "said"
        clause, start, end = clause[region[0] : region[1]], start - region[0], end - region[0]
    words = [(m.start(), m.group(0)) for m in WORD.finditer(clause)]
    before = [i for i, (pos, _) in enumerate(words) if pos < start]
    after = [i for i, (pos, _) in enumerate(words) if pos >= end]
    tokens = [w for _, w in words]
    lowered = [w.lower() for w in tokens]
    fronted = len(before) <= 2 and all(lowered[i] in _FRONTING for i in before)
    near_before, near_after = before[::-1][:14], after[:14]
    for i in near_after + near_before if fronted else near_before + near_after:
        marker = marker_of(tokens, lowered, i)
        if marker is not None:
            return marker
    return None


def _quoted_region(text: str, pos: int) -> tuple[int, int] | None:
    """The span inside the quotation marks around `pos`, if it is quoted."""
    for match in QUOTATION.finditer(text):
        if match.start() < pos < match.end():
            return match.start() + 1, match.end() - 1
    return None


def marker_of(tokens: list[str], lowered: list[str], i: int) -> str | None:
    """What token `i` says about time: a hedge, a plan, the past, or nothing.

    `lowered` is `tokens` in lower case, made once per clause.
    """
    word, lower = tokens[i], lowered[i]
    before = lowered[i - 1] if i > 0 else ""
    if lower not in _MARKER_WORDS and before != "have" and not lower.endswith(("ed", "'ll")):
        return None
    after = lowered[i + 1] if i + 1 < len(tokens) else ""
    after2 = lowered[i + 2] if i + 2 < len(tokens) else ""
    if lower in {"to", "can", "being"}:
        return _scheduled(lower, before, after, after2)
    if lower in {"could", "might", "would"} or word == "may":
        return _modal_marker(lower, after, lowered, i)
    if before in {"had", "was", "were"} and lower in _HEDGES:
        return "past"  # "had expected", "was planning": an expectation that is itself past
    if lower in {"hope", "hopes"} and (after in {"to", "that"} or before in _PRONOUNS):
        return "possible"  # "hopes the deal will help": the hope, not the "will", is the modality
    if lower in _BEFORE_TO:
        # a verb before "to", or before an article when no determiner makes it a noun ("plans a vote")
        verb = after == "to" or (after in {"a", "an", "the"} and before not in _DETERMINERS)
        return _BEFORE_TO[lower] if verb else None
    if lower.endswith("'ll") or lower in _PLANNED:
        return _planned_marker(lower, before, after)
    if lower in _EXPECTED or lower == "should":
        return None if before in {"as", "than"} else "expected"
    marker = _ahead_marker(lower, after, after2)
    if marker is not None:
        return marker
    return _perfect_or_past_marker(word, lowered, i, before, after)


def _modal_marker(lower: str, after: str, lowered: list[str], i: int) -> str:
    """A modal ("could", "might", "would", "may"): a hedge, a hedge about the past, or a reported intention."""
    if after == "have":
        return "possible-past"  # "may have left": a hedge about the past
    if lower == "would" and any(t in SPEECH for t in lowered[:i]):
        return "planned"  # reported intention: "said it would close the plant"
    return "possible"


def _planned_marker(lower: str, before: str, after: str) -> str | None:
    """A plan word or "will": a plan, unless a noun ("a passenger's will"), hedged by an adverb
    ("will probably") or already carried out ("as planned")."""
    if lower == "will" and (before.endswith("'s") or before in _DETERMINERS or before in {"free", "own"}):
        return None  # "against a passenger's will": a noun
    if (lower.endswith("'ll") or lower in {"will", "shall"}) and after in _HEDGE_ADVERBS:
        return _HEDGE_ADVERBS[after]  # "will probably": the adverb hedges the plan
    if lower in _PLANNED and before == "as":
        return None  # "as planned": a plan already carried out
    return "planned"


def _ahead_marker(lower: str, after: str, after2: str) -> str | None:
    """What lies ahead, said without a plan word: "due to", "is to visit", "are going to", "possibly"."""
    if lower in {"due", "likely", "set"} and after == "to" and after2 not in _DETERMINERS:
        return "expected"
    if lower in {"is", "are", "going"} and after == "to" and after2 and after2 not in _DETERMINERS:
        return "planned"  # "is to visit", "are going to"
    if lower in _POSSIBLE:
        return "possible"
    return None


def _perfect_or_past_marker(word: str, lowered: list[str], i: int, before: str, after: str) -> str | None:
    """A participle after "have" (a hedge about the past after a modal, nothing after "to"), else the past tense."""
    if before == "have" and i > 1 and lowered[i - 2] in {"may", "might", "could"}:
        return "possible-past"  # "may have lost": reached from the participle first
    if before == "to" or (before == "have" and i > 1 and lowered[i - 2] == "to"):
        return None  # "will need to have registered by Friday": a perfect infinitive, no past tense
    return _past_marker(word, lowered[i], before, after)


def _scheduled(lower: str, before: str, after: str, after2: str) -> str | None:
    """Passive schedules: "to be played" (expected), "is being shown" (planned), "can be seen" (possible)."""
    if lower == "to":
        if after != "be" or not _is_participle(after2):
            return None
        return "past" if before in {"was", "were"} else "expected"  # "was to be held": a plan in the past
    if lower == "being":
        return "planned" if before in {"is", "are"} and _is_participle(after) else None
    return "possible" if after == "be" and _is_participle(after2) else None


def _is_participle(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PAST or word in _PARTICIPLES


def _past_marker(word: str, lower: str, before: str, after: str) -> str | None:
    """The past tense marker for a past-tense verb; a participle after "be" or a determiner is not one."""
    if lower in _BE_PRESENT or not word.islower():
        return None
    if lower in {"was", "were", "did", "had"}:
        return "past"
    regular = lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST and "-" not in lower
    if lower in _IRREGULAR_PAST or regular:
        # "could be held": the modal decides; "the proposed merger": an adjective; "the ceremony,
        # hosted by ...": a participle describing a noun, not the clause's verb
        return None if before in _BE_PRESENT or before in _NOT_VERB_AFTER or after == "by" else "past"
    if lower in _PERFECT and after and (after in _IRREGULAR_PAST or after.endswith("ed")):
        return "past"
    return None


def forward_marker(clause: str, outside: str) -> tuple[str, int] | None:
    """The first plan or hedge outside quotation marks (`outside` is the clause with quotes blanked)."""
    lowered_clause = clause.lower()
    if not any(hint in lowered_clause for hint in _FORWARD_HINTS):
        return None
    if "?" in outside:
        return None  # a question is not a plan
    words = [(m.start(), m.group(0)) for m in WORD.finditer(outside)]
    tokens = [w for _, w in words]
    lowered = [w.lower() for w in tokens]
    if not _CONDITIONS.isdisjoint(lowered):
        return None  # nor is a condition
    for i, (pos, word) in enumerate(words):
        lower = lowered[i]
        if lower in {"would", "should", "could", "might", "to", "can", "being"} or word == "may":
            continue  # too often hypothetical to be news on their own
        if lower in {"proposed", "proposes", "suggested"} and tokens[i + 1 : i + 2] in (["that"], ["to"]):
            return "possible", pos  # a proposal: "proposed that the next summit be held in Busan"
        marker = marker_of(tokens, lowered, i)
        if marker in FORWARD:
            return marker, pos
        if marker == "past":
            return None
    return None
