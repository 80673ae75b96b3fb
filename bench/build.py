#!/usr/bin/env python3
"""Build speed and memory of `briefgen build` on a news corpus, against Hugo on the same notes.

Not a unit test: it needs the corpus (research use only; it is copied into a scratch project outside the
repository, never into it) and takes minutes. For each scale factor it builds a scratch project whose seeds are the
corpus articles, each replicated N times (copies get " (copy k)" on the headline and one changed number or word in
the first paragraph, so slugs differ and no two seeds are byte-identical), and runs `briefgen build` as a subprocess
for each measurement, `--runs` times, reporting the median:

1. cold build: content/, site/ and .briefgen/ deleted (seeds -> notes -> site);
2. warm full build: site/ deleted (notes and cache present);
3. no-op build: nothing changed;
4. one-note body edit (a sentence appended to the end of one note) and one-note title edit (its `title:`);
5. (extra) publish from notes without cache: site/ and .briefgen/ deleted, content/ kept;
6. (at the first scale) one-note body edits inside `briefgen serve`, over a real LiveReload WebSocket:
   the rebuild time serve logs, and the time from the save to the `reload` message;

with the wall time, the pages rendered (from briefgen's `... N pages (M rendered) ...` line) and peak memory:
"largest process" is GNU time's %M (the max RSS of the largest single process of the tree), "tree" is the summed
RSS of the whole process tree sampled every 50 ms (and its PSS, which counts memory pages shared between processes once).

Then the same notes are converted to Hugo content (YAML front-matter with title, date, summary and the taxonomies
people, places, organizations and topics; the body as Markdown with goldmark block attributes enabled, so the
`{#pN}` paragraph anchors are kept: each attribute line is moved after its paragraph, where goldmark reads it) and
built with `hugo --quiet` in a minimal site (config and layouts written by this script): cold (public/, resources/
and Hugo's cache deleted) and a second run (Hugo keeps no build cache, so that is its warm full build).

Usage: python bench/build.py [CORPUS] [--scale 1,10] [--runs 3] [--jobs N] [--workdir DIR] [--keep] [--no-hugo]
                             [--serve-edits N] [--json]
Run it with the Python that has briefgen installed (it reads the notes with PyYAML and frames the LiveReload socket
with wsproto, both briefgen dependencies).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import functools
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, Event, Ping, Request, TextMessage

try:  # optional: /proc is read directly when psutil is missing
    import psutil  # type: ignore[import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - depends on the machine
    psutil = None

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "bbc" / "articles"
REFERENCE_DATE = "2005-06-01"
SAMPLE_INTERVAL = 0.05
PSS_EVERY = 5
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
TIME_BIN = "/usr/bin/time"

BODY_EDITS = 3
"""Body edits timed per run (one after another, on the same note)."""

BRIEFGEN_RUNS = ("cold", "warm", "noop", "body_edit", "title_edit", "notes_only")
HUGO_RUNS = ("hugo_cold", "hugo_warm")
RATIOS = (
    ("cold", "cold", "hugo_cold"),
    ("warm", "warm", "hugo_warm"),
    # Like for like: Hugo only publishes notes; briefgen's cold build also writes them from the seeds.
    ("publish from notes, no cache (extra)", "notes_only", "hugo_cold"),
)
LABELS = {
    "cold": "cold build (seeds → notes → site)",
    "warm": "warm full build (site/ deleted)",
    "noop": "no-op build",
    "body_edit": "one-note body edit",
    "title_edit": "one-note title edit",
    "notes_only": "publish from notes, no cache (extra)",
    "hugo_cold": "Hugo cold build",
    "hugo_warm": "Hugo second full build",
}
TAXONOMIES = {"person": "people", "place": "places", "organization": "organizations", "topic": "topics"}
RENDERED = re.compile(r"(\d+) pages \((\d+) rendered\)")
REPORTED = re.compile(r"in ([\d.]+) s -> ")
FIRST_NUMBER = re.compile(r"\d+")
SWAP_WORDS = {"the": "this", "a": "one", "an": "one", "is": "was", "has": "had", "said": "stated"}
SWAP_WORD = re.compile(r"\b(" + "|".join(SWAP_WORDS) + r")\b")
ANCHOR_LINE = re.compile(r"^\{#[\w-]+\}$")


# --- measuring one command ---------------------------------------------------------------------------------------


@dataclass
class Sample:
    """One timed command: wall time, peak memory, and what briefgen or Hugo said."""

    seconds: float
    rss_largest_mb: float | None
    rss_tree_mb: float
    pss_tree_mb: float | None
    rendered: int | None = None
    pages: int | None = None
    reported_seconds: float | None = None
    cpu_seconds: float | None = None
    """User + system CPU time of the command and its workers (GNU time %U + %S)."""
    other_cpu: float | None = None
    """Share of the machine's CPU that other processes used meanwhile (0.0-1.0): a measure of interference."""


def _tree_pids(root: int) -> list[int]:
    """`root` and its descendants, via /proc/PID/task/TID/children (a full /proc scan where that is missing)."""
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
            except FileNotFoundError:
                return _tree_pids_by_scan(root)
            except OSError:
                continue
    return pids


def _tree_pids_by_scan(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        queue.extend(parents.get(pid, []))
    return pids


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _proc_memory_kb(pid: int, *, with_pss: bool) -> tuple[int, int | None]:
    """(RSS, PSS) of one process in kB from /proc; PSS is None when not asked for or not readable.

    Raises OSError (or ValueError) when the process has just ended, so the caller skips it.
    """
    with open(f"/proc/{pid}/statm") as handle:
        rss = int(handle.read().split()[1]) * PAGE_KB
    if not with_pss:
        return rss, None
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            rollup = handle.read()
    except PermissionError:
        return rss, None
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return rss, int(line.split()[1])
    raise ProcessLookupError(pid)  # an empty rollup: the process is exiting


def tree_memory_kb(root: int, *, with_pss: bool = True) -> tuple[int, int | None]:
    """Summed (RSS, PSS) in kB of a process and all its descendants, right now (PSS None if not measured)."""
    rss_total, pss_total, pss_known = 0, 0, with_pss
    if psutil is not None:
        try:
            top = psutil.Process(root)
            procs = [top, *top.children(recursive=True)]
        except psutil.Error:
            return 0, None
        for proc in procs:
            try:
                info = proc.memory_full_info() if with_pss else proc.memory_info()
            except psutil.AccessDenied:
                pss_known = False
                continue
            except psutil.Error:
                continue
            rss_total += info.rss // 1024
            pss = getattr(info, "pss", None)
            pss_known = pss_known and pss is not None
            pss_total += (pss or 0) // 1024
        return rss_total, pss_total if pss_known else None
    for pid in _tree_pids(root):
        try:
            rss, pss = _proc_memory_kb(pid, with_pss=with_pss)
        except (OSError, IndexError, ValueError):  # the process just ended
            continue
        rss_total += rss
        pss_known = pss_known and pss is not None
        pss_total += pss or 0
    return rss_total, pss_total if pss_known else None


class TreeSampler(threading.Thread):
    """Samples a process tree's total RSS every SAMPLE_INTERVAL seconds and its PSS every PSS_EVERY samples.

    PSS (smaps_rollup) costs ~2.5 ms per 300 MB process to read, RSS (statm) ~0.01 ms: sampling PSS at the same
    rate would take ~5% of a core from the build being measured.
    """

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_rss_kb = 0
        self.peak_pss_kb: int | None = None
        self._done = threading.Event()

    def run(self) -> None:
        tick = 0
        while not self._done.is_set():
            # every sample in the first second (processes are small then, and short builds end early)
            rss, pss = tree_memory_kb(self.root, with_pss=tick < 20 or tick % PSS_EVERY == 0)
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            if pss is not None:
                self.peak_pss_kb = max(self.peak_pss_kb or 0, pss)
            tick += 1
            self._done.wait(SAMPLE_INTERVAL)

    def stop(self) -> None:
        self._done.set()
        self.join()


def can_sample_tree() -> bool:
    return psutil is not None or Path("/proc/self/statm").is_file()


def busy_cpu_seconds() -> float | None:
    """CPU time the whole machine has spent busy since boot (from /proc/stat), or None off Linux."""
    try:
        with open("/proc/stat") as handle:
            fields = [int(v) for v in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields) - idle) / CLOCK_TICKS


def measure(argv: Sequence[str], cwd: Path) -> tuple[Sample, str, str]:
    """Run a command; return its wall time and peak memory, plus its stdout and stderr. Fails on a non-zero exit."""
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        time_file = Path(scratch) / "time"
        has_time = Path(TIME_BIN).is_file()
        command = [TIME_BIN, "-f", "%M %U %S", "-o", str(time_file), *argv] if has_time else list(argv)
        out_path, err_path = Path(scratch) / "out", Path(scratch) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            busy_before = busy_cpu_seconds()
            started = time.perf_counter()
            # its own process group, so that an interrupted benchmark ends the build and its workers with it
            proc = subprocess.Popen(
                command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True
            )
            sampler = TreeSampler(proc.pid)
            sampler.start()
            try:
                returncode = proc.wait()
            except BaseException:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                proc.wait()
                sampler.stop()
                raise
            seconds = time.perf_counter() - started
            busy_after = busy_cpu_seconds()
            sampler.stop()
        stdout = out_path.read_text(errors="replace")
        stderr = err_path.read_text(errors="replace")
        largest = cpu = other = None
        if has_time and time_file.is_file():
            numbers = time_file.read_text().strip().splitlines()[-1].split()
            if len(numbers) == 3:
                largest, cpu = int(numbers[0]) / 1024, float(numbers[1]) + float(numbers[2])
        if cpu is not None and busy_before is not None and busy_after is not None:
            other = max(0.0, (busy_after - busy_before - cpu) / (seconds * (os.cpu_count() or 1)))
    if returncode != 0:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"{' '.join(argv)} (in {cwd}) exited {returncode}:\n{tail}")
    pss = sampler.peak_pss_kb / 1024 if sampler.peak_pss_kb else None
    sample = Sample(seconds, largest, sampler.peak_rss_kb / 1024, pss, cpu_seconds=cpu, other_cpu=other)
    return sample, stdout, stderr


# --- the scratch project -----------------------------------------------------------------------------------------


def read_seed(path: Path) -> tuple[str, str]:
    """(text, encoding): UTF-8, else Latin-1 (the corpus has one Latin-1 file)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def vary_text(text: str, copy: int) -> str:
    """A light variant of an article: " (copy k)" on the headline and one number or word changed in paragraph 1."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":  # skip a seed's front-matter block
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    nonblank = [i for i in range(start, len(lines)) if lines[i].strip()]
    if not nonblank:
        return text + f"\n(copy {copy})\n"
    headline = nonblank[0]
    lines[headline] = lines[headline].rstrip() + f" (copy {copy})"
    if len(nonblank) > 1:
        first = nonblank[1]
        paragraph = lines[first]
        if FIRST_NUMBER.search(paragraph):
            paragraph = FIRST_NUMBER.sub(lambda m: str(int(m.group()) + copy), paragraph, count=1)
        elif SWAP_WORD.search(paragraph):
            paragraph = SWAP_WORD.sub(lambda m: SWAP_WORDS[m.group()], paragraph, count=1)
        else:
            paragraph = paragraph.rstrip() + f" ({copy})"
        lines[first] = paragraph
    return "\n".join(lines)


def make_project(corpus: Path, root: Path, scale: int) -> int:
    """A scratch briefgen project whose seeds are the corpus articles, each `scale` times; returns the seed count."""
    articles = sorted(corpus.rglob("*.txt"))
    if not articles:
        raise SystemExit(f"bench/build.py: no *.txt articles under {corpus}")
    if root.exists():
        shutil.rmtree(root)
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    (root / "briefgen.toml").write_text(
        f'title = "Build benchmark ×{scale}"\nreference_date = {REFERENCE_DATE}\n', encoding="utf-8"
    )
    for article in articles:
        stem = article.relative_to(corpus).with_suffix("").as_posix().replace("/", "-")
        shutil.copyfile(article, seeds / f"{stem}.txt")
        if scale > 1:
            text, encoding = read_seed(article)
            for copy in range(1, scale):
                (seeds / f"{stem}-copy{copy}.txt").write_bytes(vary_text(text, copy).encode(encoding))
    return len(articles) * scale


def remove(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def split_note(text: str) -> tuple[str, str]:
    """(front-matter YAML, body) of a note."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    if end < 0:
        return "", text
    return text[4 : end + 1], text[end + 5 :]


def pick_note(content: Path) -> Path:
    """The note the edit measurements change: the middle one by name (deterministic at any scale)."""
    notes = sorted(content.glob("*.md"))
    if not notes:
        raise RuntimeError(f"no notes in {content}")
    return notes[len(notes) // 2]


def edit_body(note: Path, run: str) -> None:
    """Append a sentence at the end of the body (the Source section): only the note's own page should change."""
    text = note.read_text(encoding="utf-8")
    note.write_text(text.rstrip("\n") + f"\n\nThe benchmark appended this sentence in run {run}.\n", encoding="utf-8")


def edit_title(note: Path, run: int) -> None:
    """Change the note's `title:` (every page listing the note shows it)."""
    text = note.read_text(encoding="utf-8")
    front, body = split_note(text)
    title = str((yaml.safe_load(front) or {}).get("title", ""))
    lines = front.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):  # a long title is folded onto indented lines
        end += 1
    lines[start:end] = [f"title: {json.dumps(f'{title} (edited in run {run})', ensure_ascii=False)}\n"]
    note.write_text("---\n" + "".join(lines) + "---\n" + body, encoding="utf-8")


# --- Hugo ----------------------------------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Build benchmark"
languageCode = "en"
theme = "bench"
cacheDir = "{cache_dir}"
disableKinds = ["robotsTXT"]

[taxonomies]
{taxonomies}

# Like briefgen: one feed (the home page's), no feed per section, taxonomy or term.
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]

[services.rss]
limit = 50

# The notes' paragraph anchors ({{#p3}}) become goldmark block attributes (written after their paragraph).
[markup.goldmark.parser.attribute]
block = true
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
{{ range $plural, $_ := .Site.Taxonomies }} · <a href="{{ (print "/" $plural "/") | relURL }}">{{ $plural }}</a>{{ end }}
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}
{{ with .Params.summary }}<p class="bluf">{{ . }}</p>{{ end }}
{{ range $plural, $_ := .Site.Taxonomies }}{{ with $.GetTerms $plural }}
<h2>{{ $plural }}</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ end }}{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = first 50 .Site.RegularPages.ByDate.Reverse }}{{ end }}
<ul>{{ range $pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ul>
{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <time>{{ .Date.Format "2006-01-02" }}</time>{{ end }}
{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ul>
{{ end }}
""",
}


def hugo_version() -> str | None:
    """`hugo version`, installing Hugo with apt when it is missing and we are root; None (with a notice) otherwise."""
    if shutil.which("hugo") is None:
        if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
            print("bench/build.py: hugo not found; installing it with apt-get", file=sys.stderr)
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=False)
        if shutil.which("hugo") is None:
            print(
                "bench/build.py: hugo is not installed, so the Hugo rows are SKIPPED. Install it "
                "(Debian/Ubuntu: `sudo apt-get install -y hugo`; or see https://gohugo.io/installation/) and rerun.",
                file=sys.stderr,
            )
            return None
    result = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or result.stderr.strip() or "hugo (version unknown)"


def hugo_body(body: str) -> str:
    """The note body for goldmark: each `{#pN}` line (before its paragraph, markdown-it style) moves after it."""
    out: list[str] = []
    pending: str | None = None
    for line in body.split("\n"):
        if ANCHOR_LINE.match(line.strip()):
            pending = line.strip()
            continue
        if pending is not None and not line.strip() and out and out[-1].strip():
            out.append(pending)
            pending = None
        out.append(line)
    if pending is not None:
        out.append(pending)
    return "\n".join(out)


def hugo_front_matter(meta: dict[str, Any]) -> dict[str, Any]:
    front: dict[str, Any] = {"title": str(meta.get("title") or meta.get("slug") or "untitled")}
    if meta.get("slug"):
        front["slug"] = str(meta["slug"])
    day = str(meta.get("date") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        front["date"] = day
    if meta.get("summary"):
        front["summary"] = str(meta["summary"])
    for plural in TAXONOMIES.values():
        names = [str(item["name"]) if isinstance(item, dict) else str(item) for item in meta.get(plural) or []]
        if names:
            front[plural] = names
    return front


def make_hugo_site(content: Path, site: Path) -> int:
    """A minimal Hugo site (config, theme layouts) whose content is every note of `content`; returns the count."""
    remove(site)
    layouts = site / "themes" / "bench" / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name, template in HUGO_LAYOUTS.items():
        (layouts / name).write_text(template, encoding="utf-8")
    taxonomies = "\n".join(f'{singular} = "{plural}"' for singular, plural in TAXONOMIES.items())
    config = HUGO_CONFIG.format(cache_dir=(site / ".hugo_cache").as_posix(), taxonomies=taxonomies)
    (site / "hugo.toml").write_text(config, encoding="utf-8")
    target = site / "content" / "briefings"
    target.mkdir(parents=True)
    (target / "_index.md").write_text("---\ntitle: Briefings\n---\n", encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = 0
    for note in sorted(content.glob("*.md")):
        front, body = split_note(note.read_text(encoding="utf-8"))
        meta = yaml.load(front, Loader=loader) or {}
        if meta.get("draft"):
            continue
        header = yaml.safe_dump(hugo_front_matter(meta), sort_keys=False, allow_unicode=True, width=1000)
        (target / note.name).write_text(f"---\n{header}---\n{hugo_body(body)}", encoding="utf-8")
        count += 1
    return count


def run_hugo(site: Path, *, cold: bool) -> Sample:
    if cold:
        remove(site / "public", site / "resources", site / ".hugo_cache")
    sample, _, _ = measure(["hugo", "--quiet"], site)
    sample.pages = sum(1 for _ in (site / "public").rglob("*.html"))
    return sample


# --- serve ---------------------------------------------------------------------------------------------------------

SERVING = re.compile(r"serving (http://[^/\s]+)(/\S*)")
SERVE_BUILD = re.compile(r"build (\d+): (\d+) pages rendered, .* in ([\d.]+) s")


class LiveReloadClient:
    """The browser's side of `briefgen serve`'s LiveReload socket, framed by wsproto (a briefgen dependency)."""

    def __init__(self, origin: str, path: str) -> None:
        host, port = origin.removeprefix("http://").rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.events: collections.deque[Event] = collections.deque()
        self.sock.sendall(
            self.ws.send(Request(host=f"{host}:{port}", target=path, extra_headers=[(b"Origin", origin.encode())]))
        )
        answer = self._next_event()
        if not isinstance(answer, AcceptConnection):
            raise RuntimeError(f"serve refused the LiveReload socket: {answer}")
        self.send({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        self.receive()

    def _next_event(self) -> Event:
        while not self.events:
            data = self.sock.recv(65536)
            if not data:
                raise RuntimeError("serve closed the LiveReload socket")
            self.ws.receive_data(data)
            self.events.extend(self.ws.events())
        return self.events.popleft()

    def send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(self.ws.send(TextMessage(data=json.dumps(message))))

    def receive(self) -> dict[str, Any]:
        """The next text message as JSON ({} for anything else, such as a ping)."""
        text = ""
        while isinstance(event := self._next_event(), TextMessage) and not event.message_finished:
            text += event.data
        if isinstance(event, Ping):
            self.sock.sendall(self.ws.send(event.response()))
        if not isinstance(event, TextMessage):
            return {}
        message: dict[str, Any] = json.loads(text + event.data)
        return message

    def close(self) -> None:
        self.sock.close()


@dataclass
class ServeResult:
    rebuild_seconds: list[float] = field(default_factory=list)
    """The rebuild as `briefgen serve` logs it (the build alone, in the running process)."""
    reload_seconds: list[float] = field(default_factory=list)
    """From the end of the note's write to the LiveReload `reload` message (includes serve's quiet period)."""
    rendered: list[int] = field(default_factory=list)
    startup_seconds: float = 0.0


def bench_serve(briefgen: Sequence[str], project: Path, edits: int, log: Callable[[str], None]) -> ServeResult:
    """Start `briefgen serve`, connect as a browser would, then save one note's body `edits` times."""
    result = ServeResult()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*briefgen, "serve", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    arrived = threading.Condition()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with arrived:
                lines.append(line)
                arrived.notify_all()

    def wait_for(pattern: re.Pattern[str], after: int, timeout: float) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        with arrived:
            while True:
                for line in lines[after:]:
                    found = pattern.search(line)
                    if found:
                        return found
                left = deadline - time.monotonic()
                if left <= 0 or proc.poll() is not None:
                    raise RuntimeError("briefgen serve: " + "".join(lines[-15:]))
                arrived.wait(min(left, 0.5))

    threading.Thread(target=read, daemon=True).start()
    client = None
    try:
        serving = wait_for(SERVING, 0, timeout=3600)
        result.startup_seconds = time.perf_counter() - started
        client = LiveReloadClient(serving.group(1), serving.group(2).rstrip("/") + "/livereload")
        note = pick_note(project / "content")
        for edit in range(1, edits + 1):
            time.sleep(0.5)  # apart, so that each save is its own build
            with arrived:
                seen = len(lines)
            edit_body(note, f"serve.{edit}")
            saved = time.perf_counter()
            while client.receive().get("command") != "reload":
                pass
            result.reload_seconds.append(time.perf_counter() - saved)
            built = wait_for(SERVE_BUILD, seen, timeout=60)
            result.rebuild_seconds.append(float(built.group(3)))
            result.rendered.append(int(built.group(2)))
            log(
                f"serve edit {edit}/{edits}: rebuild {built.group(3)} s, save → reload {result.reload_seconds[-1]:.3f} s"
            )
    finally:
        if client is not None:
            client.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return result


# --- the benchmark -------------------------------------------------------------------------------------------------


def run_briefgen(briefgen: Sequence[str], project: Path) -> Sample:
    sample, stdout, _ = measure(briefgen, project)
    found = RENDERED.search(stdout)
    if found:
        sample.pages, sample.rendered = int(found.group(1)), int(found.group(2))
    reported = REPORTED.search(stdout)
    if reported:
        sample.reported_seconds = float(reported.group(1))
    return sample


@dataclass
class ScaleResult:
    scale: int
    seeds: int
    runs: dict[str, list[Sample]] = field(default_factory=dict)
    hugo_content: int | None = None
    serve: ServeResult | None = None

    def median(self, name: str, attribute: str) -> float | None:
        values = [getattr(s, attribute) for s in self.runs.get(name, []) if getattr(s, attribute) is not None]
        return statistics.median(values) if values else None

    def ratio(self, ours: str, theirs: str) -> float | None:
        a, b = self.median(ours, "seconds"), self.median(theirs, "seconds")
        return a / b if a is not None and b else None

    def peak(self, attribute: str) -> float | None:
        values = [self.median(name, attribute) for name in BRIEFGEN_RUNS if name != "notes_only"]
        known = [v for v in values if v is not None]
        return max(known) if known else None


def bench_scale(
    corpus: Path,
    workdir: Path,
    scale: int,
    *,
    runs: int,
    briefgen: Sequence[str],
    with_hugo: bool,
    log: Callable[[str], None],
    serve_command: Sequence[str] = (),
    serve_edits: int = 0,
) -> ScaleResult:
    project, hugo_site = workdir / f"x{scale}", workdir / f"x{scale}-hugo"
    result = ScaleResult(scale, make_project(corpus, project, scale))
    log(f"×{scale}: {result.seeds} seeds in {project}")
    content, site, cache = project / "content", project / "site", project / ".briefgen"

    def step(name: str, run: int, prepare: Callable[[], None], hugo: bool = False) -> None:
        prepare()
        sample = run_hugo(hugo_site, cold=name == "hugo_cold") if hugo else run_briefgen(briefgen, project)
        result.runs.setdefault(name, []).append(sample)
        extra = f", {sample.rendered} rendered" if sample.rendered is not None else ""
        extra += f", {sample.pages} pages" if hugo else ""
        log(f"×{scale} run {run}/{runs}: {name} {sample.seconds:.2f} s{extra}, {sample.rss_tree_mb:.0f} MB tree")

    for run in range(1, runs + 1):
        step("cold", run, lambda: remove(content, site, cache))
        step("warm", run, lambda: remove(site))
        step("noop", run, lambda: None)
        if with_hugo and run == 1:  # the notes as generated, before the edits below
            result.hugo_content = make_hugo_site(content, hugo_site)
        note = pick_note(content)
        for edit in range(1, BODY_EDITS + 1):  # the shortest build: the most samples, for a steadier median
            step("body_edit", run, functools.partial(edit_body, note, f"{run}.{edit}"))
        step("title_edit", run, functools.partial(edit_title, note, run))
        step("notes_only", run, lambda: remove(site, cache))
        if with_hugo:
            step("hugo_cold", run, lambda: None, hugo=True)
            step("hugo_warm", run, lambda: None, hugo=True)
    if serve_edits:
        result.serve = bench_serve(serve_command, project, serve_edits, log)
    return result


# --- reporting -----------------------------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


def _memory(result: ScaleResult, name: str) -> tuple[str, str]:
    largest = result.median(name, "rss_largest_mb")
    tree, pss = result.median(name, "rss_tree_mb"), result.median(name, "pss_tree_mb")
    tree_text = _num(tree, 0) + (f" ({pss:.0f})" if pss is not None else "")
    return _num(largest, 0), tree_text


def render_table(results: Sequence[ScaleResult], hugo: str | None) -> str:
    header = ["measurement"]
    for r in results:
        x = f"×{r.scale}"
        header += [f"{x} s", f"{x} rendered", f"{x} RSS largest MB", f"{x} RSS tree MB (PSS)", f"{x} other CPU"]
    rows = [header, ["---"] + ["---:"] * (len(header) - 1)]
    for name in BRIEFGEN_RUNS + (HUGO_RUNS if hugo else ()):
        row = [LABELS[name]]
        for r in results:
            attribute = "pages" if name in HUGO_RUNS else "rendered"
            count = r.median(name, attribute)
            other = r.median(name, "other_cpu")
            interference = "—" if other is None else f"{other:.0%}"
            row += [_num(r.median(name, "seconds")), _num(count, 0), *_memory(r, name), interference]
        rows.append(row)
    if hugo:
        for label, ours, theirs in RATIOS:
            row = [f"ratio briefgen / Hugo, {label}"]
            for r in results:
                row += [_num(r.ratio(ours, theirs)), "", "", "", ""]
            rows.append(row)
    for label, attribute in (("one-note body edit inside serve (rebuild)", "rebuild_seconds"),
                             ("inside serve: save → LiveReload reload", "reload_seconds")):  # fmt: skip
        if any(r.serve for r in results):
            row = [label]
            for r in results:
                values = getattr(r.serve, attribute) if r.serve else []
                rendered = statistics.median(r.serve.rendered) if r.serve and r.serve.rendered else None
                row += [_num(statistics.median(values) if values else None, 3), _num(rendered, 0), "", "", ""]
            rows.append(row)
    seeds = ", ".join(f"×{r.scale}: {r.seeds} articles" for r in results)
    runs = max((len(r.runs.get("cold", ())) for r in results), default=0)
    median = f"median of {runs} run(s), of {runs * BODY_EDITS} for body edits"
    lines = [f"Build benchmark ({seeds}; {median}; {os.cpu_count()} cores)", ""]
    if any(s.other_cpu is not None for r in results for v in r.runs.values() for s in v):
        lines[-1:-1] = [
            '"other CPU": the share of the machine\'s CPU that other processes used during the build (median); '
            "where it is above ~10%, the time is inflated by interference."
        ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", f"Hugo: {hugo}" if hugo else "Hugo: SKIPPED (not installed)"]
    if hugo:
        lines += [f"Hugo content: {', '.join(f'×{r.scale}: {r.hugo_content} notes' for r in results)}"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Check:
    target: str
    passed: bool | None
    detail: str

    def line(self) -> str:
        verdict = "SKIP" if self.passed is None else "PASS" if self.passed else "FAIL"
        return f"- {verdict} {self.target}: {self.detail}"


def _at_most(target: str, value: float | None, limit: float | None, unit: str, why: str = "") -> Check:
    if value is None or limit is None:
        return Check(target, None, why or "not measured")
    digits = 3 if value < 1 else 2  # 0.499 s passes a 0.5 s target, 0.50 would look like a tie
    return Check(target, value <= limit, f"{value:.{digits}f}{unit} (limit {limit:.2f}{unit})")


def make_checks(results: Sequence[ScaleResult], hugo: str | None) -> list[Check]:
    """The issue's targets. Memory is judged on the tree's summed RSS, the most conservative of the three figures."""
    checks: list[Check] = []
    by_scale = {r.scale: r for r in results}
    one = by_scale.get(1)
    if one is not None:
        no_hugo = "" if hugo else "Hugo not installed"
        checks.append(_at_most("×1 cold ≤ 1.0 × Hugo", one.ratio("cold", "hugo_cold"), 1.0, "×", no_hugo))
        checks.append(_at_most("×1 warm full ≤ 0.5 × Hugo", one.ratio("warm", "hugo_warm"), 0.5, "×", no_hugo))
        checks.append(_at_most("×1 no-op ≤ 0.5 s", one.median("noop", "seconds"), 0.5, " s"))
        checks.append(_at_most("×1 one-note body edit ≤ 0.3 s", one.median("body_edit", "seconds"), 0.3, " s"))
        rebuild = statistics.median(one.serve.rebuild_seconds) if one.serve and one.serve.rebuild_seconds else None
        checks.append(_at_most("×1 one-note body edit ≤ 0.1 s inside serve (rebuild)", rebuild, 0.1, " s"))
        checks.append(_at_most("×1 peak memory (tree RSS) ≤ 300 MB", one.peak("rss_tree_mb"), 300, " MB"))
    ten = by_scale.get(10)
    if ten is not None:
        if one is not None:
            for name in ("cold", "warm", "noop", "body_edit", "title_edit"):
                base = one.median(name, "seconds")
                limit = 11 * base if base is not None else None
                checks.append(_at_most(f"×10 {LABELS[name]} ≤ 11 × ×1", ten.median(name, "seconds"), limit, " s"))
            base = one.peak("rss_tree_mb")
            checks.append(
                _at_most("×10 peak memory ≤ 11 × ×1", ten.peak("rss_tree_mb"), 11 * base if base else None, " MB")
            )
        checks.append(_at_most("×10 peak memory (tree RSS) ≤ 1 GB", ten.peak("rss_tree_mb"), 1024, " MB"))
    return checks


# --- command line --------------------------------------------------------------------------------------------------


def precompile_briefgen() -> None:
    """Compile briefgen's modules to bytecode, as `pip install` does for a regular install.

    An editable install (`pip install -e .`, as the README's `make` does) leaves them to be compiled
    on first import, and where PYTHONDONTWRITEBYTECODE is set (this machine sets it) every timed
    `briefgen` command would compile them again: ~60 ms that no installed briefgen spends.
    """
    code = "import builder, compileall, pathlib; compileall.compile_dir(pathlib.Path(builder.__file__).parent, quiet=1)"
    subprocess.run([sys.executable, "-c", code], check=False)


def default_briefgen() -> list[str]:
    beside = Path(sys.executable).with_name("briefgen")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("briefgen")
    return [found] if found else [sys.executable, "-m", "builder"]


def parse_scales(text: str) -> list[int]:
    try:
        scales = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers such as 1,10, got {text!r}") from None
    if not scales or min(scales) < 1:
        raise argparse.ArgumentTypeError("scale factors must be at least 1")
    return scales


def _outside_repo(text: str) -> Path:
    path = Path(text)
    resolved = path.resolve()
    if resolved.is_relative_to(PROJECT_ROOT):
        raise argparse.ArgumentTypeError(f"{path}: the scratch project must be outside the repository")
    return resolved


@contextlib.contextmanager
def workdir_for(requested: Path | None, keep: bool) -> Iterator[Path]:
    """The scratch folder: `--workdir` (kept), else a temporary one (removed unless --keep)."""
    if requested is not None:
        requested.mkdir(parents=True, exist_ok=True)
        yield requested
        return
    folder = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    try:
        yield folder
    finally:
        if keep:
            print(f"bench/build.py: scratch projects kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="folder of *.txt articles")
    parser.add_argument("--scale", type=parse_scales, default=[1], help="comma-separated scale factors (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="passed to briefgen build (default: all cores)")
    parser.add_argument("--workdir", type=_outside_repo, default=None, help="scratch folder (outside the repository)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary scratch folder")
    parser.add_argument("--no-hugo", action="store_true", help="skip the Hugo comparison")
    parser.add_argument("--briefgen", default=None, help="the briefgen command (default: the one beside this Python)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of Markdown")
    parser.add_argument(
        "--serve-edits",
        type=int,
        default=5,
        help="body edits timed inside `briefgen serve`, at the first scale only (default 5; 0 skips serve)",
    )
    args = parser.parse_args(argv)
    # a terminated benchmark stops its build and removes its temporary folder, as an interrupted one does
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    corpus: Path = args.corpus.resolve()
    if not corpus.is_dir():
        parser.error(f"corpus folder not found: {corpus}")
    if not can_sample_tree():
        print("bench/build.py: neither psutil nor /proc: tree memory will read 0", file=sys.stderr)
    command = args.briefgen.split() if args.briefgen else default_briefgen()
    briefgen = [*command, "build"]
    if args.jobs:
        briefgen += ["--jobs", str(args.jobs)]
    hugo = None if args.no_hugo else hugo_version()
    precompile_briefgen()

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    results: list[ScaleResult] = []
    try:
        with workdir_for(args.workdir, args.keep) as workdir:
            for scale in args.scale:
                results.append(
                    bench_scale(
                        corpus,
                        workdir,
                        scale,
                        runs=args.runs,
                        briefgen=briefgen,
                        with_hugo=hugo is not None,
                        log=log,
                        serve_command=command,
                        serve_edits=args.serve_edits if scale == args.scale[0] else 0,
                    )
                )
    except RuntimeError as exc:  # a build failed: a benchmark of a broken build means nothing
        print(f"bench/build.py: {exc}", file=sys.stderr)
        return 1
    checks = make_checks(results, hugo)
    if args.json:
        payload = {
            "corpus": str(corpus),
            "cpus": os.cpu_count(),
            "runs": args.runs,
            "briefgen": briefgen,
            "hugo": hugo,
            "scales": [
                {
                    "scale": r.scale,
                    "seeds": r.seeds,
                    "hugo_content": r.hugo_content,
                    "median": {
                        name: {attr: r.median(name, attr) for attr in Sample.__dataclass_fields__} for name in r.runs
                    },
                    "ratios": {ours: r.ratio(ours, theirs) for _, ours, theirs in RATIOS},
                    "runs": {name: [asdict(s) for s in samples] for name, samples in r.runs.items()},
                    "serve": asdict(r.serve) if r.serve else None,
                }
                for r in results
            ],
            "checks": [asdict(c) for c in checks],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(render_table(results, hugo))
        print("\nTargets:")
        print("\n".join(check.line() for check in checks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
