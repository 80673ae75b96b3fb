#!/usr/bin/env python3
"""Extraction quality and speed of `briefgen extract`, measured only on text nobody on the project wrote.

Not a unit test: it needs data outside the repository (research use only, never copied into it) and takes a
minute or more. For each engine (the rules, and spaCy when `import spacy` works) it runs `briefgen extract
--format json` as a subprocess and reports:

1. the original article (`seeds/000_0ffeab4008b67dd0.txt`, extracted with `--reference-date 2026-11-27`): how
   many of the facts listed in the shared BRIEFING.md its note states (`seed_facts.py`), and which fail;
2. CoNLL-2003 dev (81 Reuters documents): document-level entity F1, all types and PER / LOC / ORG, by the shared
   `score_entities.py`;
3. PolNeAR dev (70 political news articles): direct quotes found and speaker right on named sources, by the
   shared `score_quotes.py`;
4. BBC News (2,225 articles, no publication dates), extracted with `--jobs 1` and no reference date (so the
   build date, today): briefings dated after the build date, topic accuracy (first topic against the IPTC
   top-level label of the article's folder) and speed (wall-clock of the whole subprocess).

The scorers are run as subprocesses from their shared folder, never copied.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from seed_facts import REFERENCE_DATE as SEED_REFERENCE_DATE
from seed_facts import SEED_NAME, check_seed_facts

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = PROJECT_ROOT.parent / "shared"
ENGINES = ("rules", "spacy")
SPACY_MISSING = "spaCy engine: not installed (pip install 'briefgen[nlp]')"

CATEGORY_TOPICS = {
    "business": "economy, business and finance",
    "entertainment": "arts, culture, entertainment and media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science and technology",
}
ENTITY_TYPES = ("ALL", "PER", "LOC", "ORG")


@dataclass(frozen=True)
class Row:
    """One row of the table: a measure, how to read its value, and its target per engine (None: reported only)."""

    key: str
    label: str
    rules: float | None
    spacy: float | None
    at_most: bool = False


ROWS = (
    Row("seed_facts", "original article: facts stated", 1.0, 1.0),
    Row("conll_ALL", "CoNLL dev entity F1, ALL", 0.82, 0.87),
    # The target is the document-level F1 over all types; each type is reported beside it.
    *(Row(f"conll_{t}", f"CoNLL dev entity F1, {t}", None, None) for t in ENTITY_TYPES if t != "ALL"),
    Row("polnear_found", "PolNeAR dev: direct quotes found", 0.92, 0.92),
    Row("polnear_speaker", "PolNeAR dev: speaker right (named)", 0.87, 0.92),
    Row("bbc_future", "BBC: briefings dated after today", 0, 0, at_most=True),
    Row("speed", "BBC speed, --jobs 1 (articles/s)", 100, None),
    Row("topics", "BBC topic accuracy (first topic)", 0.90, 0.90),
)


# ---------------------------------------------------------------------------------------------------------------
# Pure parts: reading the scorers' output, topics, future dates


SCORE_ENTITIES_LINE = re.compile(r"(ALL|PER|LOC|ORG): P=([\d.]+) R=([\d.]+) F1=([\d.]+)")
SCORE_QUOTES_LINE = re.compile(
    r"quote recall (\d+)/(\d+) = [\d.]+; speaker accuracy on named sources (\d+)/(\d+) = [\d.]+"
)


def parse_entity_scores(output: str) -> dict[str, dict[str, float]]:
    """`score_entities.py`'s lines -> {type: {precision, recall, f1}}."""
    scores = {}
    for match in SCORE_ENTITIES_LINE.finditer(output):
        kind, p, r, f = match.groups()
        scores[kind] = {"precision": float(p), "recall": float(r), "f1": float(f)}
    return scores


def parse_quote_scores(output: str) -> dict[str, float | int]:
    """`score_quotes.py`'s line -> counts and rates."""
    match = SCORE_QUOTES_LINE.search(output)
    if match is None:
        raise ValueError(f"unexpected score_quotes.py output: {output.strip()[-200:]!r}")
    found, total, right, named = map(int, match.groups())
    return {
        "gold": total,
        "found": found,
        "found_rate": found / total if total else 0.0,
        "named": named,
        "speaker_right": right,
        "speaker_rate": right / named if named else 0.0,
    }


def summarise_topics(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """First topic vs the folder's IPTC label, with a confusion table (keys are `category/NNN.txt`)."""
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
        "accuracy": correct / total if total else 0.0,
        "per_category": {cat: c[cat] / max(1, sum(c.values())) for cat, c in confusion.items()},
        "confusion": {cat: dict(c) for cat, c in confusion.items()},
    }


def period_start(value: str) -> str:
    """The first day of an ISO date, month or year ("2005-03" -> "2005-03-01")."""
    parts = value.split("-")
    return "-".join([*parts, *["01"] * (3 - len(parts))])


def dated_after(records: dict[str, dict[str, Any]], today: date) -> dict[str, str]:
    """Articles whose note's `date` starts after `today` (a story cannot be dated after it was built), with it."""
    return {
        rel: str(record["date"])
        for rel, record in sorted(records.items())
        if record.get("date") and period_start(str(record["date"])) > today.isoformat()
    }


def check(row: Row, engine: str, value: float | None) -> str:
    """ok / MISSED / "" (no target, or no value)."""
    target = row.rules if engine == "rules" else row.spacy
    if target is None or value is None:
        return ""
    met = value <= target if row.at_most else value >= target
    return "ok" if met else "MISSED"


# ---------------------------------------------------------------------------------------------------------------
# I/O: the briefgen and scorer subprocesses


def briefgen_command() -> list[str]:
    script = Path(sys.executable).with_name("briefgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "builder"]


@dataclass
class ExtractRun:
    output: Path
    seconds: float
    cpu_seconds: float
    returncode: int
    errors: list[str]

    def records(self, root: Path | None = None) -> dict[str, dict[str, Any]]:
        """Records by file, relative to `root` when given."""
        records = {}
        for line in self.output.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                path = Path(record["file"])
                key = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)
                records[key] = record
        return records


def run_extract(
    paths: Sequence[Path], output: Path, *, engine: str, jobs: int | None, reference_date: str | None = None
) -> ExtractRun:
    """`briefgen extract - --format json` over `paths` (given on stdin) into `output`; wall-clock of the whole
    process. It runs in an empty project folder, so no briefgen.toml pins the reference date."""
    command = briefgen_command()
    with tempfile.TemporaryDirectory() as project:
        command += ["-C", project, "extract", "-", "--format", "json"]
        if engine != "rules":
            command += ["--engine", engine]
        if reference_date:
            command += ["--reference-date", reference_date]
        if jobs:
            command += ["--jobs", str(jobs)]
        stdin = "".join(f"{p}\n" for p in paths)
        with output.open("w", encoding="utf-8") as out:
            start, cpu_start = time.perf_counter(), _children_cpu()
            proc = subprocess.run(
                command, input=stdin, stdout=out, stderr=subprocess.PIPE, text=True, check=False, cwd=project
            )
            seconds, cpu_seconds = time.perf_counter() - start, _children_cpu() - cpu_start
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    return ExtractRun(output, seconds, cpu_seconds, proc.returncode, errors)


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_scorer(script: Path, *args: Path | str) -> str:
    proc = subprocess.run([sys.executable, str(script), *map(str, args)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{script.name} failed: {(proc.stderr.strip().splitlines() or ['no output'])[-1]}")
    return proc.stdout


@dataclass(frozen=True)
class Data:
    """Where the shared data and scorers are."""

    seed: Path
    conll: Path
    polnear: Path
    bbc: Path
    tools: Path

    def missing(self) -> list[str]:
        wanted = [
            self.seed,
            self.conll / "gold.json",
            self.conll / "seeds",
            self.polnear / "gold.json",
            self.polnear / "seeds",
            self.bbc,
            self.tools / "score_entities.py",
            self.tools / "score_quotes.py",
        ]
        return [str(p) for p in wanted if not p.exists()]


def list_bbc(corpus: Path) -> list[Path]:
    return sorted(p for cat in CATEGORY_TOPICS for p in (corpus / cat).glob("*.txt"))


def measure_engine(engine: str, data: Data, work: Path, *, skip_speed: bool) -> dict[str, Any]:
    """Every measure for one engine; a failed extraction is reported, not raised."""
    result: dict[str, Any] = {"status": "ok"}

    seed_run = run_extract(
        [data.seed], work / f"{engine}-seed.jsonl", engine=engine, jobs=1, reference_date=SEED_REFERENCE_DATE
    )
    records = list(seed_run.records().values())
    if not records:
        return {"status": "failed", "error": (seed_run.errors or ["no output"])[-1]}
    facts = check_seed_facts(records[0], data.seed.read_text(encoding="utf-8"))
    result["seed_facts"] = {
        "stated": sum(f.ok for f in facts),
        "checked": len(facts),
        "facts": [{"group": f.group, "fact": f.fact, "ok": f.ok, "detail": f.detail} for f in facts],
    }

    conll_run = run_extract(
        sorted((data.conll / "seeds").glob("*.txt")), work / f"{engine}-conll.jsonl", engine=engine, jobs=None
    )
    output = run_scorer(
        data.tools / "score_entities.py", data.conll / "gold.json", conll_run.output, data.conll / "seeds", engine
    )
    result["conll"] = parse_entity_scores(output)

    polnear_run = run_extract(
        sorted((data.polnear / "seeds").glob("*.txt")), work / f"{engine}-polnear.jsonl", engine=engine, jobs=None
    )
    output = run_scorer(data.tools / "score_quotes.py", data.polnear / "gold.json", polnear_run.output, engine)
    result["polnear"] = parse_quote_scores(output)

    paths = list_bbc(data.bbc)
    today = date.today()
    bbc_run = run_extract(paths, work / f"{engine}-bbc.jsonl", engine=engine, jobs=None if skip_speed else 1)
    bbc = bbc_run.records(data.bbc.resolve())
    result["bbc"] = {
        "articles": len(paths),
        "failed": len(paths) - len(bbc),
        "build_date": today.isoformat(),
        "dated_after_build": dated_after(bbc, today),
    }
    result["topics"] = summarise_topics(bbc)
    if not skip_speed:
        result["speed"] = {
            "jobs": 1,
            "seconds": bbc_run.seconds,
            "articles_per_s": len(paths) / bbc_run.seconds if bbc_run.seconds else 0.0,
            "cpu_seconds": bbc_run.cpu_seconds,
            "articles_per_cpu_s": len(paths) / bbc_run.cpu_seconds if bbc_run.cpu_seconds else 0.0,
            "ms_per_article": 1000 * bbc_run.seconds / len(paths) if paths else 0.0,
        }
    return result


def spacy_available() -> bool:
    return importlib.util.find_spec("spacy") is not None


# ---------------------------------------------------------------------------------------------------------------
# Report


def row_value(key: str, result: dict[str, Any]) -> float | None:
    if result.get("status") != "ok":
        return None
    if key == "seed_facts":
        facts = result["seed_facts"]
        return float(facts["stated"] / facts["checked"]) if facts["checked"] else 0.0
    if key.startswith("conll_"):
        scores = result["conll"].get(key.removeprefix("conll_"))
        return None if scores is None else float(scores["f1"])
    values: dict[str, Any] = {
        "polnear_found": result["polnear"]["found_rate"],
        "polnear_speaker": result["polnear"]["speaker_rate"],
        "bbc_future": len(result["bbc"]["dated_after_build"]),
        "speed": result.get("speed", {}).get("articles_per_s"),
        "topics": result["topics"]["accuracy"],
    }
    value = values[key]
    return None if value is None else float(value)


def cell_text(key: str, result: dict[str, Any]) -> str:
    value = row_value(key, result)
    if value is None:
        return "skipped" if key == "speed" and result.get("status") == "ok" else "—"
    if key == "seed_facts":
        return f"{result['seed_facts']['stated']}/{result['seed_facts']['checked']}"
    if key == "polnear_found":
        return f"{result['polnear']['found']}/{result['polnear']['gold']} = {value:.3f}"
    if key == "polnear_speaker":
        return f"{result['polnear']['speaker_right']}/{result['polnear']['named']} = {value:.3f}"
    if key == "bbc_future":
        return f"{int(value)} of {result['bbc']['articles']}"
    if key == "speed":
        return f"{value:.0f} ({result['speed']['seconds']:.1f} s)"
    if key == "topics":
        return f"{result['topics']['correct']}/{result['topics']['articles']} = {value:.3f}"
    return f"{value:.3f}"


def target_text(row: Row, engine: str) -> str:
    target = row.rules if engine == "rules" else row.spacy
    if target is None:
        return "reported"
    if row.key == "seed_facts":
        return "all"
    if row.at_most:
        return f"{target:g}"
    return f"≥ {target:g}"


def build_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The table as data: per row and engine, value, shown text, target and mark."""
    rows = []
    split = Path(report["data"]["polnear"]).name  # "dev", or "train" when asked for
    for row in ROWS:
        entry: dict[str, Any] = {"measure": row.label.replace("PolNeAR dev", f"PolNeAR {split}"), "key": row.key}
        for engine in ENGINES:
            result = report["engines"][engine]
            value = row_value(row.key, result)
            entry[engine] = {
                "value": value,
                "text": cell_text(row.key, result) if result.get("status") == "ok" else str(result.get("status")),
                "target": target_text(row, engine),
                "mark": check(row, engine, value),
            }
        rows.append(entry)
    return rows


def engine_note(result: dict[str, Any]) -> str | None:
    if result["status"] == "not installed":
        return SPACY_MISSING
    if result["status"] == "not measured":
        return "spaCy engine: not measured (--engine rules)"
    if result["status"] == "failed":
        return f"spaCy engine: installed, but the run failed: {result['error']}"
    return None


def render_report(report: dict[str, Any]) -> str:
    rows = build_rows(report)
    width = max(len(r["measure"]) for r in rows)
    out = [f"briefgen extraction quality ({report['briefgen']}), {report['date']}, {report['cpus']} CPUs", ""]
    header = f"{'measure':<{width}}  {'rules':>22} {'target':>8} {'':<6}  {'spaCy':>22} {'target':>8}"
    out += [header, "-" * len(header)]
    spacy_note = engine_note(report["engines"]["spacy"])
    for i, r in enumerate(rows):
        rules, spacy = r["rules"], r["spacy"]
        if spacy_note:
            spacy_cell = spacy_note if i == 0 else ""
        else:
            spacy_cell = f"{spacy['text']:>22} {spacy['target']:>8} {spacy['mark']}"
        out.append(
            f"{r['measure']:<{width}}  {rules['text']:>22} {rules['target']:>8} {rules['mark']:<6}  {spacy_cell}".rstrip()
        )
    for engine, title in (("rules", "rules"), ("spacy", "spaCy")):
        result = report["engines"][engine]
        if result["status"] != "ok":
            continue
        out += ["", f"Original article, {title}: facts not stated"]
        failing = [f for f in result["seed_facts"]["facts"] if not f["ok"]]
        out += [f"  [{f['group']}] {f['fact']}  ({f['detail']})" for f in failing] or ["  none"]
        if "speed" in result:
            sp = result["speed"]
            out.append(
                f"BBC speed, {title}: {sp['articles_per_s']:.0f} articles/s wall-clock ({sp['seconds']:.1f} s), "
                f"{sp['articles_per_cpu_s']:.0f} articles/s of CPU time ({sp['cpu_seconds']:.1f} s user + system)"
            )
        late = result["bbc"]["dated_after_build"]
        if late:
            shown = ", ".join(f"{rel} ({when})" for rel, when in list(late.items())[:20])
            out.append(f"BBC briefings dated after {result['bbc']['build_date']}, {title}: {shown}")
        if result["bbc"]["failed"]:
            out.append(f"BBC articles with no output, {title}: {result['bbc']['failed']}")
        out += ["", *render_confusion(result["topics"], title)]
    return "\n".join(out)


def render_confusion(topics: dict[str, Any], title: str) -> list[str]:
    columns = [*CATEGORY_TOPICS, "other"]
    corner = "folder \\ first"
    out = [f"BBC topics, {title}: folder vs first topic (other = a first topic outside the five labels, or none)"]
    out.append(f"  {corner:<16}" + "".join(f"{c[:7]:>9}" for c in columns) + f"{'acc':>8}")
    for cat, row in topics["confusion"].items():
        cells = "".join(f"{row.get(c, 0):>9}" for c in columns)
        out.append(f"  {cat:<16}{cells}{topics['per_category'][cat]:>8.3f}")
    return out


# ---------------------------------------------------------------------------------------------------------------
# Command line


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="shared data folder the defaults below are read from (default: ../shared relative to the project root)",
    )
    parser.add_argument("--seed", type=Path, help=f"the original article (default: SHARED/seeds/{SEED_NAME})")
    parser.add_argument(
        "--conll", type=Path, help="CoNLL dev folder with gold.json and seeds/ (default: SHARED/corpora/conll2003-dev)"
    )
    parser.add_argument(
        "--polnear",
        type=Path,
        help="PolNeAR split folder with gold.json and seeds/ (default: SHARED/corpora/polnear/dev)",
    )
    parser.add_argument(
        "--bbc",
        type=Path,
        help="BBC articles folder, one sub-folder per category (default: SHARED/corpora/bbc/articles)",
    )
    parser.add_argument(
        "--tools", type=Path, help="folder of score_entities.py and score_quotes.py (default: SHARED/tools)"
    )
    parser.add_argument("--engine", choices=(*ENGINES, "all"), default="all", help="engines to measure (default: all)")
    parser.add_argument("--skip-speed", action="store_true", help="extract the BBC corpus with all cores, untimed")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    return parser


def resolve_data(args: argparse.Namespace) -> Data:
    shared: Path = args.shared
    return Data(
        seed=(args.seed or shared / "seeds" / SEED_NAME).resolve(),
        conll=(args.conll or shared / "corpora" / "conll2003-dev").resolve(),
        polnear=(args.polnear or shared / "corpora" / "polnear" / "dev").resolve(),
        bbc=(args.bbc or shared / "corpora" / "bbc" / "articles").resolve(),
        tools=(args.tools or shared / "tools").resolve(),
    )


def briefgen_version() -> str:
    proc = subprocess.run([*briefgen_command(), "--version"], capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "briefgen (version unknown)"


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    data = resolve_data(args)
    missing = data.missing()
    if missing:
        print("quality.py: missing " + ", ".join(missing), file=sys.stderr)
        return 2
    report: dict[str, Any] = {
        "briefgen": briefgen_version(),
        "date": date.today().isoformat(),
        "cpus": os.cpu_count(),
        "data": {k: str(v) for k, v in vars(data).items()},
        "engines": {},
    }
    with tempfile.TemporaryDirectory(prefix="briefgen-quality-") as tmp:
        for engine in ENGINES:
            if args.engine not in ("all", engine):
                report["engines"][engine] = {"status": "not measured"}
            elif engine == "spacy" and not spacy_available():
                report["engines"][engine] = {"status": "not installed"}
            else:
                report["engines"][engine] = measure_engine(engine, data, Path(tmp), skip_speed=args.skip_speed)
    report["table"] = build_rows(report)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(render_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
