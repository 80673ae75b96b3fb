"""The authoring half: seeds/ -> content/*.md, never destroying a person's edits.

A note records the hash of what briefgen generated. On each build a seed's note is:
unchanged (seed and generator unchanged: no extraction at all), regenerated (briefgen's own
output, now stale), kept (a person edited it; `--force` regenerates and keeps `<slug>.md.bak`),
or created. Notes whose seed is gone stay, reported as orphans. A note regenerated or created
from a seed the extraction cache has seen (same bytes, path and reference date) is written
from the cache, without running the extractor.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import __version__
from ..atomic import write_text_atomic
from ..cache import ExtractionCache, NoteFile, PickleCache, display_path, scan_notes
from ..config import Config
from ..errors import BriefgenError, Diagnostic, SeedError, diagnostic_from
from ..notes.body import render_body
from ..notes.note import Note, compact_note, kept_edited_message, make_generated_note
from ..pool import ordered_map
from .duplicates import Duplicate, find_duplicates
from .ingest import DEFAULT_MAX_SEED_BYTES, describe_binary, read_article, read_seed_bytes

GENERATOR = f"briefgen {__version__}"


def generator_name(engine: str) -> str:
    """What a note's `generated.by` records: the version, and the engine unless it is the default,
    so that a build with another engine regenerates the notes of the first."""
    return GENERATOR if engine == "rules" else f"{GENERATOR} ({engine})"


@dataclass
class AuthoringReport:
    """Counts and diagnostics of one pass over the seeds."""

    seeds: int = 0
    created: int = 0
    regenerated: int = 0
    unchanged: int = 0
    kept_edited: int = 0
    orphans: int = 0
    reused: int = 0
    """Of those created or regenerated, how many came from the extraction cache."""
    refused: int = 0
    """Seeds not read at all: too big, binary, not a regular file, or a link out of the project."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class _Existing:
    path: Path
    seed_sha256: str | None
    generator: str | None
    unedited: bool


@dataclass(frozen=True)
class Extracted:
    """A worker's result: a note ready to write, or the error that stopped it."""

    seed: str
    slug: str = ""
    frontmatter: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    error: str | None = None
    text: str = ""
    """The note's full text, when the worker was told where the note goes (see `NoteTarget`)."""
    note: Note | None = None
    """`text` parsed, for the publishing half's cache."""
    packed: bytes = b""
    """(slug, front-matter, body) as the extraction cache stores them, when `text` is there too."""


NoteTarget = tuple[str, str | None]
"""(content folder as displayed, the note's existing slug or None): lets a worker write the note
text itself, so that the YAML dump runs in parallel too."""

Job = tuple[Path, str, date, NoteTarget | None, str, int]
"""(seed, its display name, reference date, where its note goes, engine, max_seed_size)"""


def find_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files (*.txt, recursively), in a stable order; hidden files and folders are skipped."""
    if not seeds_dir.is_dir():
        return []
    skip = len(str(seeds_dir).rstrip(os.sep)) + 1  # rglob's paths are seeds_dir's, joined: sliced, not re-parsed
    found = [(str(p)[skip:].replace(os.sep, "/"), p) for p in seeds_dir.rglob("*.txt")]
    visible = [(name, p) for name, p in found if not any(part.startswith(".") for part in name.split("/"))]
    return [p for _, p in sorted(visible, key=lambda item: item[0])]


def extract_note(
    path: Path,
    display: str,
    reference: date,
    target: NoteTarget | None = None,
    engine: str = "rules",
    max_bytes: int = DEFAULT_MAX_SEED_BYTES,
) -> Extracted:
    """Seed file -> note parts (runs in worker processes; imports the extractor lazily).
    `engine` is "rules" or "spacy" (see `ExtractConfig.engine`); `max_bytes` is `max_seed_size`."""
    from .extract import extract_briefing

    try:
        article = read_article(path, display=display, max_bytes=max_bytes)
        briefing = extract_briefing(article, reference=reference, engine=engine)
    except BriefgenError as exc:
        return Extracted(display, error=str(exc))
    except Exception as exc:  # an extractor bug must not stop the other seeds
        return Extracted(display, error=f"{display}: extraction failed: {type(exc).__name__}: {exc}")
    names = {c.code: c.name for c in briefing.countries}
    names.update({p.country: p.name for p in briefing.places if p.kind == "country" and p.country})
    body = render_body(briefing, article, country_names=names)
    frontmatter = briefing.to_frontmatter()
    if target is None:
        return Extracted(display, briefing.slug, frontmatter, body)
    folder, slug = target[0], target[1] or briefing.slug
    text, note = make_generated_note(
        dict(frontmatter, slug=slug),
        body,
        generator=generator_name(engine),
        file=f"{folder}/{slug}.md",
        default_slug=slug,
    )
    packed = ExtractionCache.pack((briefing.slug, frontmatter, body))
    return Extracted(display, briefing.slug, frontmatter, body, text=text, note=note, packed=packed)


def _extract_star(args: Job) -> Extracted:
    return extract_note(*args)


PARALLEL_MIN_SEEDS = 32
"""Below this many seeds, starting worker processes costs more than it saves."""


def extract_many(
    jobs: Sequence[Job], *, workers: int, on_done: Callable[[], None] | None = None
) -> Iterator[Extracted]:
    """Run `extract_note` over many seeds, in worker processes when it pays; results in input order."""
    return ordered_map(_extract_star, jobs, workers=workers, min_jobs=PARALLEL_MIN_SEEDS, on_done=on_done)


# A note that no longer parses still names its seed; this finds it without YAML, so a broken
# hand-edited note is never "replaced" by a second note for the same seed.
_SOURCE_FILE = re.compile(r"^source:\n(?:[ ]{2}.*\n)*?[ ]{2}file: ['\"]?([^'\"\n]+)['\"]?$", re.MULTILINE)


def _index_notes(files: list[NoteFile]) -> tuple[dict[str, _Existing], set[str]]:
    """Existing notes keyed by the seed they came from, plus every slug in use."""
    by_seed: dict[str, _Existing] = {}
    slugs: set[str] = set()
    for found in files:
        slugs.add(found.path.stem)
        if found.note is None:
            match = _SOURCE_FILE.search(found.text)
            if match:
                by_seed[match.group(1)] = _Existing(found.path, None, None, False)
            continue
        slugs.add(found.note.slug)
        source = found.note.meta.get("source")
        generated = found.note.meta.get("generated")
        if isinstance(source, dict) and isinstance(source.get("file"), str):
            by_seed[source["file"]] = _Existing(
                found.path,
                str(source.get("sha256")) if source.get("sha256") else None,
                str(generated.get("by")) if isinstance(generated, dict) else None,
                found.unedited,
            )
    return by_seed, slugs


def unique_slug(slug: str, seed: str, taken: set[str]) -> str:
    """`slug`, or `slug-<hash of the seed path>` when another note already has it (stable per seed)."""
    if slug not in taken:
        return slug
    return f"{slug}-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:8]}"


def sync_notes(
    config: Config,
    *,
    force: bool = False,
    jobs: int = 1,
    progress: Callable[[int], Callable[[], None]] | None = None,
    cache: PickleCache | None = None,
) -> AuthoringReport:
    """Bring content/ up to date with seeds/; returns what happened to each seed."""
    report = AuthoringReport()
    root = config.root
    seeds = find_seeds(config.seeds_dir)
    report.seeds = len(seeds)
    scanned = scan_notes(config.content_dir, root, cache, jobs=jobs)
    existing, taken = _index_notes(scanned)
    names = {path: display_path(path, root) for path in seeds}
    raw = {names[path]: _read(path, names[path], config, report) for path in seeds}
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in raw.items() if data is not None}
    writer = _NoteWriter(
        config,
        report,
        cache,
        taken=taken,
        slugs={seed: note.path.stem for seed, note in existing.items()},
        unreadable={found.path.stem: found.path for found in scanned if found.note is None},
        duplicates=find_duplicates((name, data) for name, data in raw.items() if data is not None),
    )
    raw.clear()  # every seed's text: not needed while the notes are extracted
    todo = [job for path in seeds if (job := writer.job_for(path, names[path], existing, hashes, force=force))]
    if todo:
        reference = config.reference()
        code = extractor_fingerprint()
        engine = f"{config.extract.engine}:{code}"
        keys = {name: ExtractionCache.key(digest, name, reference, engine) for name, digest in hashes.items()}
        with ExtractionCache.open(config.cache_dir / "extracted.sqlite") as extractions:
            stored = extractions.keep_only(set(keys.values()))
            for result, fresh in _extract_or_reuse(todo, extractions, keys, stored, jobs=jobs, progress=progress):
                if not result.error and fresh and result.seed in keys and result.packed:
                    extractions.put(keys[result.seed], result.packed)
                writer.write(result, reused=not fresh)
        report.diagnostics.extend(_yearless_warning(config, writer.yearless, len(todo), reference))
    return _count_orphans(report, existing, set(names.values()), root)


@dataclass
class _NoteWriter:
    """Decides what each seed needs, then writes the notes extracted for it (one run's state)."""

    config: Config
    report: AuthoringReport
    cache: PickleCache | None
    taken: set[str]
    """Every slug in use (so a new note never takes another's file)."""
    slugs: dict[str, str]
    """Seed -> its note's slug (for duplicates to point at their original)."""
    unreadable: dict[str, Path]
    """Slug -> a note file there that cannot be read (perhaps half-saved)."""
    duplicates: dict[str, Duplicate]
    targets: dict[str, _Existing | None] = field(default_factory=dict)
    yearless: int = 0

    def job_for(
        self, path: Path, display: str, existing: dict[str, _Existing], hashes: dict[str, str], *, force: bool
    ) -> Job | None:
        """The extraction job for a seed, or None: refused, unchanged, or its note was edited."""
        if display not in hashes:  # refused or unreadable: said once when read
            return None
        note = existing.get(display)
        engine = self.config.extract.engine
        if note is not None:
            seed_hash = hashes[display]
            if not note.unedited and not force:
                self.report.kept_edited += 1
                # (a note that no longer parses does not say which seed version it came from)
                changed = note.seed_sha256 not in (None, seed_hash)
                message = kept_edited_message(seed_changed=changed)
                self.report.diagnostics.append(Diagnostic("info", display_path(note.path, self.config.root), message))
                return None
            if note.unedited and seed_hash == note.seed_sha256 and note.generator == generator_name(engine):
                self.report.unchanged += 1
                return None
        self.targets[display] = note
        folder = display_path(self.config.content_dir, self.config.root)
        target = (folder, note.path.stem if note else None)
        return (path, display, self.config.reference(), target, engine, self.config.max_seed_size)

    def write(self, result: Extracted, *, reused: bool) -> None:
        """Write the note of one extraction (or report why not)."""
        if result.error:
            self.report.diagnostics.append(diagnostic_from(result.error, result.seed))
            return
        self.report.diagnostics.extend(_reading_warnings(result))
        self.yearless += _is_yearless(result.frontmatter)
        self.report.reused += reused
        slug = self._slug(result)
        if slug is None:
            return
        self.taken.add(slug)
        self.slugs[result.seed] = slug
        frontmatter = dict(result.frontmatter, slug=slug)
        duplicate = self.duplicates.get(result.seed)
        if duplicate is not None:
            frontmatter |= mark_duplicate(frontmatter, duplicate, self.slugs.get(duplicate.original))
        path = self.config.content_dir / f"{slug}.md"
        display = display_path(path, self.config.root)
        text, parsed = result.text, result.note
        if parsed is None or parsed.slug != slug or parsed.file != display or duplicate is not None:
            generator = generator_name(self.config.extract.engine)
            text, parsed = make_generated_note(
                frontmatter, result.body, generator=generator, file=display, default_slug=slug
            )
        write_text_atomic(path, text)
        if self.cache is not None:  # the publishing half will read this note next: spare it the YAML parse
            self.cache.put(f"{display}\0{parsed.digest}", (compact_note(parsed), None, True))

    def _slug(self, result: Extracted) -> str | None:
        """The note's slug: its existing file's (backing up an edit under --force), or a new one."""
        root = self.config.root
        note = self.targets[result.seed]
        if note is not None:  # keep the note's file name, and so its URL, stable
            if not note.unedited:
                backup = write_backup(note.path)
                message = f"regenerated; the edited version is kept as {backup.name}"
                self.report.diagnostics.append(Diagnostic("info", display_path(note.path, root), message))
            self.report.regenerated += 1
            return note.path.stem
        if result.slug in self.unreadable:
            # A note by this name is there but cannot be read: most likely it is being saved
            # right now (editors truncate, then write). A second note would duplicate it.
            self.report.diagnostics.append(
                Diagnostic(
                    "error",
                    display_path(self.unreadable[result.slug], root),
                    f"cannot be read, so no new note was written for {result.seed}; "
                    "fix the note (or delete it to have it written again)",
                )
            )
            return None
        self.report.created += 1
        return unique_slug(result.slug, result.seed, self.taken)


def _yearless_warning(config: Config, yearless: int, extracted: int, reference: date) -> list[Diagnostic]:
    """One warning when most seeds give no year and nothing pins the date years are inferred against."""
    if config.reference_date is not None or extracted < 3 or yearless * 2 <= extracted:
        return []
    message = (
        f"{yearless} of {extracted} seeds give no date with a year, so their years were inferred against "
        f"today ({reference.isoformat()}); set reference_date to when the articles were written, so the "
        "notes do not depend on the day they are built"
    )
    return [Diagnostic("warning", "briefgen.toml", message)]


@functools.cache
def extractor_fingerprint() -> str:
    """A hash of the extractor's code and reference data: part of every extraction cache key, so a
    changed extractor (an upgrade, or a local edit without a new version number) extracts again."""
    package = Path(__file__).resolve().parent / "extract"
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _is_yearless(frontmatter: dict[str, Any]) -> bool:
    """The seed gives no year for its story: undated, or a year inferred from the weekday."""
    flags = frontmatter.get("flags") or ()
    inferred = any(isinstance(f, dict) and f.get("code") == "year_inferred" for f in flags)
    return frontmatter.get("date_basis") == "none" or inferred


def _extract_or_reuse(
    todo: list[Job],
    extractions: ExtractionCache,
    keys: dict[str, str],
    stored: set[str],
    *,
    jobs: int,
    progress: Callable[[int], Callable[[], None]] | None,
) -> Iterator[tuple[Extracted, bool]]:
    """Each job's extraction, in order: from the cache where it has one (`stored`), else from the
    extractor (in worker processes); the flag says which. Cached entries are read one at a time."""
    missing = [job for job in todo if keys.get(job[1]) not in stored]
    done = progress(len(missing)) if progress and missing else None
    fresh = iter(extract_many(missing, workers=jobs, on_done=done))
    for job in todo:
        key = keys.get(job[1])
        if key in stored:
            cached = extractions.get(key)
            # A damaged entry was not sent to the workers: it is extracted here.
            yield (Extracted(job[1], *cached), False) if cached else (extract_note(*job), True)
        else:
            yield next(fresh), True


def backup_path(note: Path) -> Path:
    """Where `--force` keeps an edited note: `<slug>.md.bak`, or the first free `<slug>.N.md.bak`
    when an earlier backup holds something else (a backup is never overwritten)."""
    stem = note.name.removesuffix(".md")
    candidate, number = note.with_name(f"{stem}.md.bak"), 1
    while candidate.exists():
        number += 1
        candidate = note.with_name(f"{stem}.{number}.md.bak")
    return candidate


def write_backup(note: Path) -> Path:
    """Copy an edited note aside before it is regenerated; an identical existing backup is reused."""
    data = note.read_bytes()
    stem = note.name.removesuffix(".md")
    for existing in sorted(note.parent.glob(f"{glob.escape(stem)}.*md.bak")):
        if existing.read_bytes() == data:
            return existing
    backup = backup_path(note)
    write_text_atomic(backup, data)
    return backup


def _reading_warnings(result: Extracted) -> Iterator[Diagnostic]:
    """How the seed had to be read (a non-UTF-8 encoding, removed control characters), on the
    console as well as in the note's flags."""
    for flag in result.frontmatter.get("flags") or ():
        if isinstance(flag, dict) and flag.get("code") == "source_encoding":
            yield diagnostic_from(str(flag.get("message")), result.seed, "warning")


def _count_orphans(
    report: AuthoringReport, existing: dict[str, _Existing], seeds: set[str], root: Path
) -> AuthoringReport:
    """Notes whose seed is gone stay, reported as orphans."""
    for seed_name, note in sorted(existing.items()):
        if seed_name not in seeds and note.path.exists():
            report.orphans += 1
            report.diagnostics.append(
                Diagnostic("info", display_path(note.path, root), f"orphan note: its seed {seed_name} is gone; kept")
            )
    return report


def mark_duplicate(frontmatter: dict[str, Any], duplicate: Duplicate, original_slug: str | None) -> dict[str, Any]:
    """Front-matter fields that make a note a flagged duplicate (left out of the site)."""
    what = "the same text as" if duplicate.kind == "exact" else f"nearly the same text ({duplicate.similarity:.0%}) as"
    flag = {
        "code": "duplicate_of",
        "severity": "warning",
        "message": f"This article has {what} {duplicate.original}; only that one is published.",
        "evidence": [],
    }
    return {"flags": [*frontmatter.get("flags", []), flag], "duplicate_of": original_slug or duplicate.original}


def _read(path: Path, display: str, config: Config, report: AuthoringReport) -> bytes | None:
    """A seed's bytes, or None with an error naming the file when it is refused (too big, not a
    regular file, a link out of the project, binary) or cannot be read."""
    try:
        data = read_seed_bytes(path, name=display, max_bytes=config.max_seed_size, root=config.root)
        binary = describe_binary(data)
        if binary is not None:
            raise SeedError(f"{display}: looks like {binary}, not a plain-text article; not read")
    except SeedError as exc:
        report.refused += 1
        report.diagnostics.append(diagnostic_from(str(exc), display))
        return None
    return data
