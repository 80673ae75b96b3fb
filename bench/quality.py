#!/usr/bin/env python3
"""Extraction quality and speed of `briefgen extract` on the BBC News corpus.

Not a unit test: it needs the corpus (research use only, never copied into the repository) and takes about a
minute. It runs `briefgen extract` as a subprocess over every article and reports

1. on the annotated development set (bench/annotations/bbc-dev.json): document-level precision, recall and F1 for
   people, places and organisations; quote detection and quote-speaker accuracy; date-phrase detection and
   date-resolution accuracy;
2. topic accuracy over all articles: the first topic against the IPTC top-level label of the article's folder;
3. speed over all articles: wall-clock articles/s and ms/article, with `--jobs 1` and with the default job count,
   and the same for the optional spaCy engine when spaCy is installed.

Matching rules (forgiving about surface forms, not about identity):

- Names are normalised: accents stripped, casefolded, `&` read as "and", punctuation turned into spaces, a leading
  "the" and leading honorifics (Mr, Mrs, Ms, Dr, Sir, Dame, Prof) dropped.
- A gold entity's forms are its name and the aliases the annotator listed; a system entity's forms are its `name`,
  its `aliases` and, for organisations, its `abbreviation`. A few fixed synonym groups (US / United States,
  UK / Britain / United Kingdom, EU / European Union, ...) are expanded on both sides.
- A system entity matches a gold one when they share a form, or (people only, second pass) when one name is the
  other's surname alone. Matching is one-to-one per article and entity type; a second system entity that matches
  an already matched gold entity counts as a false positive ("duplicate"), since the site would show the entity
  twice.
- A gold quote is found when the normalised text of some system quote contains its normalised key (the first
  words of the quotation). Its speaker is correct when the system speaker is the system entity aligned to the
  gold speaker, or shares a form with it; a gold speaker of null (unnamed source) is correct only when the
  system leaves the speaker empty.
- Date phrases are compared after dropping leading prepositions, "the" and "earlier"/"later": a gold phrase is
  detected when its tokens equal, contain or are contained in a system timeline item's `text`. Resolution is
  scored for gold phrases with a resolved value (absolute dates, or relative ones the article itself anchors):
  correct when the system `date` equals the gold value exactly (same precision).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "bbc" / "articles"
DEFAULT_ANNOTATIONS = PROJECT_ROOT / "bench" / "annotations" / "bbc-dev.json"
REFERENCE_DATE = "2005-06-01"
SAMPLE_SEED = 20050601
PER_CATEGORY = 9

ENTITY_TYPES = ("people", "places", "organizations")
CATEGORY_TOPICS = {
    "business": "economy, business and finance",
    "entertainment": "arts, culture, entertainment and media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science and technology",
}
TARGETS = {
    "people": 0.90,
    "places": 0.85,
    "organizations": 0.75,
    "quote speakers": 0.90,
    "dates": 0.90,
    "topics": 0.90,
}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor"})
SYNONYM_GROUPS = (
    ("us", "usa", "united states", "united states of america", "america"),
    ("uk", "united kingdom", "britain", "great britain"),
    ("netherlands", "holland"),
    ("ireland", "republic of ireland", "eire"),
    ("eu", "european union"),
    ("un", "united nations"),
)
DATE_STOPWORDS = frozenset(
    {"in", "on", "by", "since", "until", "till", "before", "after", "from", "during", "at", "of", "for", "to"}
    | {"the", "earlier", "later"}
)


# ---------------------------------------------------------------------------------------------------------------
# Normalisation and matching (pure)


def normalise(text: str) -> str:
    """Casefold, strip accents and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", plain).split())


def normalise_name(name: str) -> str:
    """`normalise`, then drop a leading "the" and leading honorifics ("Sir Ian Blair" -> "ian blair")."""
    tokens = normalise(name).split()
    while len(tokens) > 1 and (tokens[0] == "the" or tokens[0] in HONORIFICS):
        tokens = tokens[1:]
    return " ".join(tokens)


_SYNONYMS: dict[str, frozenset[str]] = {form: frozenset(group) for group in SYNONYM_GROUPS for form in group}


def name_forms(names: Iterable[str | None]) -> frozenset[str]:
    """Normalised forms of the given names, expanded by the fixed synonym groups."""
    forms = {normalise_name(n) for n in names if n}
    forms.discard("")
    for form in list(forms):
        forms |= _SYNONYMS.get(form, frozenset())
    return frozenset(forms)


@dataclass(frozen=True)
class Entity:
    """A gold or system entity reduced to what matching needs."""

    name: str
    forms: frozenset[str]
    id: str | None = None


def gold_entity(item: str | dict[str, Any]) -> Entity:
    if isinstance(item, str):
        return Entity(item, name_forms([item]))
    return Entity(item["name"], name_forms([item["name"], *item.get("aliases", [])]))


def system_entity(item: dict[str, Any]) -> Entity:
    names = [item.get("name"), *(item.get("aliases") or []), item.get("abbreviation")]
    return Entity(str(item.get("name") or ""), name_forms(names), item.get("id"))


def match_tier(gold: Entity, system: Entity, kind: str) -> int | None:
    """1: a shared form; 2 (people only): one name is the other's surname alone; None: no match."""
    if gold.forms & system.forms:
        return 1
    if kind == "people":
        g, s = normalise_name(gold.name).split(), normalise_name(system.name).split()
        surname_only = len(s) == 1 and len(g) > 1 and s[0] == g[-1]
        full_for_surname = len(g) == 1 and len(s) > 1 and g[0] == s[-1]
        if surname_only or full_for_surname:
            return 2
    return None


@dataclass
class Alignment:
    """One article's gold/system alignment for one entity type."""

    pairs: list[tuple[Entity, Entity]] = field(default_factory=list)
    missed: list[Entity] = field(default_factory=list)
    spurious: list[Entity] = field(default_factory=list)
    duplicates: list[Entity] = field(default_factory=list)


def align(gold: Sequence[Entity], system: Sequence[Entity], kind: str) -> Alignment:
    """Greedy one-to-one matching, exact forms first, then surnames."""
    result = Alignment()
    gold_left, system_left = list(gold), list(system)
    for tier in (1, 2):
        for g in list(gold_left):
            for s in system_left:
                if match_tier(g, s, kind) == tier:
                    result.pairs.append((g, s))
                    gold_left.remove(g)
                    system_left.remove(s)
                    break
    result.missed = gold_left
    matched_gold = [g for g, _ in result.pairs]
    for s in system_left:
        if any(match_tier(g, s, kind) for g in matched_gold):
            result.duplicates.append(s)
        else:
            result.spurious.append(s)
    return result


def date_tokens(phrase: str) -> tuple[str, ...]:
    tokens = normalise(phrase).split()
    while tokens and tokens[0] in DATE_STOPWORDS:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] == "s":  # possessive: "Sunday's"
        tokens = tokens[:-1]
    return tuple(tokens)


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def date_match(gold_phrase: str, system_text: str) -> int | None:
    """0: same phrase; 1: one contains the other; None: no match."""
    g, s = date_tokens(gold_phrase), date_tokens(system_text)
    if not g or not s:
        return None
    if g == s:
        return 0
    if _contains(s, g) or _contains(g, s):
        return 1
    return None


# ---------------------------------------------------------------------------------------------------------------
# Scoring one article


@dataclass
class QuoteResult:
    key: str
    gold_speaker: str | None
    found: bool
    system_speaker: str | None = None
    correct: bool = False


@dataclass
class DateResult:
    phrase: str
    resolved: str | None
    detected: bool
    system_text: str | None = None
    system_date: str | None = None
    correct: bool = False


@dataclass
class ArticleScore:
    file: str
    entities: dict[str, Alignment]
    cross_typed: dict[str, list[tuple[str, str]]]
    quotes: list[QuoteResult]
    dates: list[DateResult]
    system_dates: int
    system_dates_matched: int


def score_article(file: str, gold: dict[str, Any], record: dict[str, Any]) -> ArticleScore:
    gold_entities = {kind: [gold_entity(x) for x in gold.get(kind, [])] for kind in ENTITY_TYPES}
    system_entities = {kind: [system_entity(x) for x in record.get(kind) or []] for kind in ENTITY_TYPES}
    entities = {kind: align(gold_entities[kind], system_entities[kind], kind) for kind in ENTITY_TYPES}

    # a missed gold entity that the system found under another type ("wrong type" errors)
    cross: dict[str, list[tuple[str, str]]] = {kind: [] for kind in ENTITY_TYPES}
    for kind in ENTITY_TYPES:
        for g in entities[kind].missed:
            for other in ENTITY_TYPES:
                if other != kind and any(g.forms & s.forms for s in system_entities[other]):
                    cross[kind].append((g.name, other))
                    break

    aligned = {id(s): g for kind in ENTITY_TYPES for g, s in entities[kind].pairs}
    speakers = system_entities["people"] + system_entities["organizations"]
    gold_speakers = gold_entities["people"] + gold_entities["organizations"]
    quotes = [_score_quote(q, record, aligned, speakers, gold_speakers) for q in gold.get("quotes", [])]

    timeline = [t for t in record.get("timeline") or [] if t.get("text")]
    dates = [_score_date(d, timeline) for d in _unique_dates(gold.get("dates", []))]
    system_texts = {date_tokens(str(t["text"])): t for t in timeline}
    matched = sum(
        1
        for text in system_texts
        if any(date_match(d["phrase"], " ".join(text)) is not None for d in gold.get("dates", []))
    )
    return ArticleScore(file, entities, cross, quotes, dates, len(system_texts), matched)


def _unique_dates(dates: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, ...]] = set()
    unique = []
    for d in dates:
        key = date_tokens(d["phrase"])
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _score_quote(
    quote: dict[str, Any],
    record: dict[str, Any],
    aligned: dict[int, Entity],
    system: list[Entity],
    gold_entities: list[Entity],
) -> QuoteResult:
    key = normalise(quote["key"])
    candidates = [q for q in record.get("quotes") or [] if key and key in normalise(str(q.get("text") or ""))]
    speaker = quote.get("speaker")
    if not candidates:
        return QuoteResult(quote["key"], speaker, found=False)
    candidates.sort(key=lambda q: bool(q.get("fragment")))
    found = candidates[0]
    raw = found.get("speaker")
    shown = str(found.get("speaker_name") or raw) if raw else None
    entity = _speaker_entity(str(raw), system) if raw else None
    if speaker is None:
        # an unnamed source: right unless the system names a person or organisation
        named = entity is not None or any(match_tier(g, Entity(str(raw), name_forms([raw])), "") for g in gold_entities)
        return QuoteResult(quote["key"], None, True, shown, correct=not raw or not named)
    gold = next((g for g in gold_entities if g.name == speaker or normalise_name(speaker) in g.forms), None)
    gold = gold or Entity(speaker, name_forms([speaker]))
    if entity is None:
        return QuoteResult(quote["key"], speaker, True, shown, correct=False)
    partner = aligned.get(id(entity))
    correct = partner == gold if partner is not None else match_tier(gold, entity, "people") is not None
    return QuoteResult(quote["key"], speaker, True, f"{shown} -> {entity.name}", correct)


def _speaker_entity(speaker: str, system: list[Entity]) -> Entity | None:
    """The system person or organisation a quote's `speaker` names: by id, else by a unique shared name form."""
    by_id = [s for s in system if s.id == speaker]
    if by_id:
        return by_id[0]
    forms = name_forms([speaker])
    named = [s for s in system if s.forms & forms]
    return named[0] if len(named) == 1 else None


def _score_date(gold: dict[str, Any], timeline: list[dict[str, Any]]) -> DateResult:
    ranked = sorted(
        ((tier, i) for i, t in enumerate(timeline) if (tier := date_match(gold["phrase"], str(t["text"]))) is not None),
    )
    resolved = gold.get("resolved")
    if not ranked:
        return DateResult(gold["phrase"], resolved, detected=False)
    best_tier = ranked[0][0]
    best = [timeline[i] for tier, i in ranked if tier == best_tier]
    chosen = next((t for t in best if resolved and str(t.get("date")) == resolved), best[0])
    date = None if chosen.get("date") is None else str(chosen.get("date"))
    return DateResult(gold["phrase"], resolved, True, str(chosen["text"]), date, bool(resolved) and date == resolved)


# ---------------------------------------------------------------------------------------------------------------
# Aggregation


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def summarise_dev(scores: list[ArticleScore]) -> dict[str, Any]:
    entities = {}
    for kind in ENTITY_TYPES:
        tp = sum(len(s.entities[kind].pairs) for s in scores)
        fp = sum(len(s.entities[kind].spurious) + len(s.entities[kind].duplicates) for s in scores)
        fn = sum(len(s.entities[kind].missed) for s in scores)
        entities[kind] = prf(tp, fp, fn) | {"duplicates": sum(len(s.entities[kind].duplicates) for s in scores)}
    quotes = [q for s in scores for q in s.quotes]
    found = [q for q in quotes if q.found]
    dates = [d for s in scores for d in s.dates]
    resolvable = [d for d in dates if d.resolved]
    detected_resolvable = [d for d in resolvable if d.detected]
    date_tp = sum(1 for d in dates if d.detected)
    system_dates = sum(s.system_dates for s in scores)
    system_matched = sum(s.system_dates_matched for s in scores)
    return {
        "articles": len(scores),
        "entities": entities,
        "quotes": {
            "gold": len(quotes),
            "found": len(found),
            "speaker_correct": sum(q.correct for q in found),
            "detection_recall": ratio(len(found), len(quotes)),
            "speaker_accuracy": ratio(sum(q.correct for q in found), len(found)),
            "end_to_end": ratio(sum(q.correct for q in found), len(quotes)),
        },
        "dates": {
            "gold_phrases": len(dates),
            "detected": date_tp,
            "system_phrases": system_dates,
            "system_phrases_matched": system_matched,
            "detection_precision": ratio(system_matched, system_dates),
            "detection_recall": ratio(date_tp, len(dates)),
            "resolvable": len(resolvable),
            "resolvable_detected": len(detected_resolvable),
            "resolved_correct": sum(d.correct for d in detected_resolvable),
            "resolution_accuracy": ratio(sum(d.correct for d in detected_resolvable), len(detected_resolvable)),
            "end_to_end": ratio(sum(d.correct for d in resolvable), len(resolvable)),
        },
    }


def summarise_topics(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    labels = {v: k for k, v in CATEGORY_TOPICS.items()}
    confusion: dict[str, Counter[str]] = {cat: Counter() for cat in CATEGORY_TOPICS}
    for rel in sorted(records):
        category = rel.split("/", 1)[0]
        if category not in confusion:
            continue
        topics = records[rel].get("topics") or []
        first = str(topics[0]) if topics else "(none)"
        confusion[category][labels.get(first, "other")] += 1
    total = sum(sum(c.values()) for c in confusion.values())
    correct = sum(confusion[cat][cat] for cat in confusion)
    return {
        "articles": total,
        "correct": correct,
        "accuracy": ratio(correct, total),
        "per_category": {cat: ratio(c[cat], sum(c.values())) for cat, c in confusion.items()},
        "confusion": {cat: dict(c) for cat, c in confusion.items()},
    }


# ---------------------------------------------------------------------------------------------------------------
# Corpus, sample and the briefgen subprocess (I/O)


def list_corpus(corpus: Path) -> list[Path]:
    return sorted(p for cat in CATEGORY_TOPICS for p in (corpus / cat).glob("*.txt"))


def sample_dev_set(corpus: Path, *, seed: int = SAMPLE_SEED, per_category: int = PER_CATEGORY) -> list[str]:
    """The development sample: per category, a seeded sample of file names, exact duplicates left out."""
    seen: set[str] = set()
    unique: dict[str, list[str]] = {cat: [] for cat in CATEGORY_TOPICS}
    for path in list_corpus(corpus):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            unique[path.parent.name].append(f"{path.parent.name}/{path.name}")
    rng = random.Random(seed)
    return [name for cat in sorted(unique) for name in sorted(rng.sample(unique[cat], per_category))]


def briefgen_command() -> list[str]:
    script = Path(sys.executable).with_name("briefgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "builder"]


@dataclass
class ExtractRun:
    records: dict[str, dict[str, Any]]
    seconds: float
    returncode: int
    errors: list[str]


def run_extract(
    paths: Sequence[Path],
    corpus: Path,
    *,
    jobs: int | None,
    reference_date: str | None = REFERENCE_DATE,
    project: Path | None = None,
) -> ExtractRun:
    """Run `briefgen extract -` over `paths` (given on stdin); the wall-clock time covers the whole process."""
    command = briefgen_command()
    if project is not None:
        command += ["-C", str(project)]
    command += ["extract", "-", "--format", "json"]
    if reference_date:
        command += ["--reference-date", reference_date]
    if jobs:
        command += ["--jobs", str(jobs)]
    stdin = "".join(f"{p}\n" for p in paths)
    start = time.perf_counter()
    proc = subprocess.run(command, input=stdin, capture_output=True, text=True, check=False, cwd=PROJECT_ROOT)
    seconds = time.perf_counter() - start
    records: dict[str, dict[str, Any]] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            path = Path(record["file"])
            records[path.relative_to(corpus).as_posix() if path.is_relative_to(corpus) else str(path)] = record
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    return ExtractRun(records, seconds, proc.returncode, errors)


def speed(run: ExtractRun, articles: int, jobs: str) -> dict[str, Any]:
    return {
        "jobs": jobs,
        "articles": articles,
        "seconds": run.seconds,
        "articles_per_s": articles / run.seconds if run.seconds else 0.0,
        "ms_per_article": 1000 * run.seconds / articles if articles else 0.0,
        "failed": articles - len(run.records),
    }


def spacy_speed(paths: Sequence[Path], corpus: Path) -> dict[str, Any]:
    """Time the spaCy engine when spaCy is importable; briefgen selects it through `[extract] engine`."""
    if importlib.util.find_spec("spacy") is None:
        return {"status": "not installed"}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "briefgen.toml").write_text(f'reference_date = {REFERENCE_DATE}\n\n[extract]\nengine = "spacy"\n')
        runs = {}
        for jobs in (1, None):
            run = run_extract(paths, corpus, jobs=jobs, reference_date=None, project=Path(tmp))
            if run.returncode != 0 and not run.records:
                return {"status": "failed", "error": (run.errors or ["no output"])[-1]}
            runs["1" if jobs else "default"] = speed(run, len(paths), "1" if jobs else "default")
    return {"status": "ok", "runs": runs}


# ---------------------------------------------------------------------------------------------------------------
# Report


def _mark(value: float, target: float) -> str:
    return "ok" if value >= target else "MISSED"


def render_report(report: dict[str, Any]) -> str:
    out: list[str] = []
    dev = report.get("dev")
    if dev:
        out.append(f"Development set: {dev['articles']} annotated BBC articles ({report['annotations']})")
        out.append(f"  {'':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}  target")
        for kind in ENTITY_TYPES:
            e = dev["entities"][kind]
            target = TARGETS[kind]
            out.append(
                f"  {kind:<22}{e['precision']:>7.3f}{e['recall']:>7.3f}{e['f1']:>7.3f}{e['tp']:>6}{e['fp']:>6}"
                f"{e['fn']:>6}  F1>={target:.2f} {_mark(e['f1'], target)}"
            )
        q = dev["quotes"]
        out.append(
            f"  quotes: {q['found']}/{q['gold']} found (recall {q['detection_recall']:.3f}); speaker correct "
            f"{q['speaker_correct']}/{q['found']} = {q['speaker_accuracy']:.3f} "
            f"(target {TARGETS['quote speakers']:.2f} {_mark(q['speaker_accuracy'], TARGETS['quote speakers'])}); "
            f"end-to-end {q['end_to_end']:.3f}"
        )
        d = dev["dates"]
        out.append(
            f"  date phrases: recall {d['detected']}/{d['gold_phrases']} = {d['detection_recall']:.3f}, "
            f"precision {d['system_phrases_matched']}/{d['system_phrases']} = {d['detection_precision']:.3f}"
        )
        out.append(
            f"  date resolution: {d['resolved_correct']}/{d['resolvable_detected']} detected absolute dates correct "
            f"= {d['resolution_accuracy']:.3f} (target {TARGETS['dates']:.2f} "
            f"{_mark(d['resolution_accuracy'], TARGETS['dates'])}); end-to-end "
            f"{d['resolved_correct']}/{d['resolvable']} = {d['end_to_end']:.3f}"
        )
        out.append("")
    topics = report["topics"]
    out.append(
        f"Topics: first topic = IPTC label of the BBC category: {topics['correct']}/{topics['articles']} = "
        f"{topics['accuracy']:.3f} (target {TARGETS['topics']:.2f} {_mark(topics['accuracy'], TARGETS['topics'])})"
    )
    columns = [*CATEGORY_TOPICS, "other"]
    corner = "gold \\ first"
    out.append(f"  {corner:<16}" + "".join(f"{c[:7]:>9}" for c in columns) + f"{'acc':>8}")
    for cat, row in topics["confusion"].items():
        cells = "".join(f"{row.get(c, 0):>9}" for c in columns)
        out.append(f"  {cat:<16}{cells}{topics['per_category'][cat]:>8.3f}")
    out.append("  (other = any first topic outside the five labels, or none)")
    out.append("")
    runs = report.get("speed")
    if runs:
        out.append(
            f"Speed: `briefgen extract` over {runs['articles']} articles, wall-clock of the whole subprocess "
            f"(start-up, reading, extraction, JSON output; nothing excluded), {runs['cpus']} CPUs"
        )
        for engine, entries in (("rules", runs["rules"]), ("spaCy", runs["spacy"].get("runs", {}))):
            for entry in entries.values():
                out.append(
                    f"  {engine:<6} jobs={entry['jobs']:<8}{entry['articles_per_s']:>8.1f} articles/s"
                    f"{entry['ms_per_article']:>8.2f} ms/article  ({entry['seconds']:.2f} s, {entry['failed']} failed)"
                )
        spacy = runs["spacy"]
        if spacy["status"] == "not installed":
            out.append("  spaCy engine: not installed")
        elif spacy["status"] == "failed":
            out.append(f"  spaCy engine: installed, but the run failed: {spacy['error']}")
    else:
        out.append("Speed: skipped (--skip-speed)")
    if report.get("failures"):
        out.append(f"\n{len(report['failures'])} articles gave no output; first: {report['failures'][:3]}")
    return "\n".join(out)


def render_details(scores: list[ArticleScore]) -> str:
    """Per-article mismatches: names, quote keys and date phrases only (never article text)."""
    out: list[str] = []
    for s in scores:
        lines = []
        for kind in ENTITY_TYPES:
            a = s.entities[kind]
            if a.missed:
                lines.append(f"  {kind} missed: {[g.name for g in a.missed]}")
            if a.spurious:
                lines.append(f"  {kind} spurious: {[e.name for e in a.spurious]}")
            if a.duplicates:
                lines.append(f"  {kind} duplicate: {[e.name for e in a.duplicates]}")
            if s.cross_typed[kind]:
                lines.append(f"  {kind} found under another type: {s.cross_typed[kind]}")
        for q in s.quotes:
            if not q.found:
                lines.append(f"  quote not found: {q.key!r} ({q.gold_speaker})")
            elif not q.correct:
                lines.append(f"  quote speaker: {q.key!r} gold {q.gold_speaker!r}, system {q.system_speaker!r}")
        for d in s.dates:
            if not d.detected:
                lines.append(f"  date not found: {d.phrase!r}")
            elif d.resolved and not d.correct:
                lines.append(f"  date: {d.phrase!r} gold {d.resolved}, system {d.system_text!r} -> {d.system_date}")
        if lines:
            out.append(s.file)
            out.extend(lines)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Command line


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=DEFAULT_CORPUS,
        help="BBC articles folder with one sub-folder per category (default: ../shared/corpora/bbc/articles "
        "relative to the project root)",
    )
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS, help="development-set annotations")
    parser.add_argument("--skip-speed", action="store_true", help="one untimed extraction run, no speed figures")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--details", action="store_true", help="also list every dev-set error (names only)")
    parser.add_argument("--print-sample", action="store_true", help="print the seeded dev-set file names and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    corpus: Path = args.corpus.resolve()
    paths = list_corpus(corpus)
    if not paths:
        print(f"quality.py: no articles under {corpus}/<category>/*.txt", file=sys.stderr)
        return 2
    if args.print_sample:
        print("\n".join(sample_dev_set(corpus)))
        return 0
    if not args.annotations.is_file():
        print(f"quality.py: no annotations at {args.annotations}", file=sys.stderr)
        return 2
    annotations = json.loads(args.annotations.read_text(encoding="utf-8"))
    gold: dict[str, dict[str, Any]] = annotations["articles"]
    expected = sample_dev_set(corpus, seed=annotations["meta"]["sample"]["seed"])
    if sorted(gold) != expected:
        print("quality.py: warning: annotated files differ from the seeded sample", file=sys.stderr)

    report: dict[str, Any] = {"corpus": str(corpus), "annotations": str(args.annotations)}
    if args.skip_speed:
        main_run = run_extract(paths, corpus, jobs=None)
    else:
        main_run = run_extract(paths, corpus, jobs=None)
        single = run_extract(paths, corpus, jobs=1)
        report["speed"] = {
            "articles": len(paths),
            "cpus": os.cpu_count(),
            "rules": {"1": speed(single, len(paths), "1"), "default": speed(main_run, len(paths), "default")},
            "spacy": spacy_speed(paths, corpus),
        }
    records = main_run.records
    report["failures"] = [f"{p.parent.name}/{p.name}" for p in paths if f"{p.parent.name}/{p.name}" not in records]
    scores = [score_article(name, gold[name], records.get(name, {})) for name in sorted(gold)]
    report["dev"] = summarise_dev(scores)
    report["topics"] = summarise_topics(records)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(render_report(report))
        if args.details:
            print("\nDevelopment-set errors\n" + render_details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
