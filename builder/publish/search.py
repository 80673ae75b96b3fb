"""Full-text search: a Pagefind bundle (`pagefind/` in the site) made from the rendered pages.

Pagefind reads the pages' `data-pagefind-*` attributes (the templates mark what is searchable,
what is boilerplate, and each page's kind, topics and year) and writes a static, sharded index
that the browser fetches a piece at a time, so a query downloads a few chunks instead of the
whole index. The indexer is the Rust binary that the `pagefind[bin]` package ships (or one named
by `PAGEFIND_BINARY_PATH`, or on PATH). It runs as a command line tool: the package's Python API
drives the same binary as a subprocess, but polls its pipe and waits forever if the binary dies,
where the command gives an exit status and a message to report.

The bundle is made over a hard-linked snapshot of the new site's pages before the site is swapped
in, so site/ and its index change together. Without a usable binary the build warns once and
publishes the site without `pagefind/` (the search page then says search is unavailable).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_text_atomic
from ..cache import PageCache, read_state, write_state
from ..errors import Diagnostic
from .output import same_bytes

BUNDLE = "pagefind"
"""The bundle's folder inside the site (the search page loads `pagefind/pagefind.js` from it)."""

TIMEOUT = 600
"""Seconds the indexer may run before the build gives up on it (about a minute for 10,000 pages)."""


UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
"""Pagefind's ready-made interfaces (about 420 KB): the search page has its own, on `pagefind.js`."""


class SearchUnavailable(Exception):
    """The Pagefind binary is missing, cannot run here, or failed."""


@dataclass
class SearchBundle:
    """The files of a bundle (site-relative path -> bytes), or why there is none."""

    files: dict[str, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def is_indexed(relative: str) -> bool:
    """Whether a site file goes to the indexer: every HTML page (Pagefind itself keeps only the
    pages that mark a `data-pagefind-body`), never the bundle's own files."""
    return relative.endswith(".html") and not relative.startswith(BUNDLE + "/")


def find_binary() -> Path:
    """The Pagefind executable (SearchUnavailable when there is none)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        found = shutil.which("pagefind_extended") or shutil.which("pagefind")
        if found is None:
            raise SearchUnavailable("the pagefind package is not installed (pip install 'pagefind[bin]')") from None
        return Path(found)
    try:
        path = get_executable()
    except (OSError, ImportError) as exc:
        raise SearchUnavailable(f"no Pagefind binary ({exc})") from None
    if path is None:
        raise SearchUnavailable("no Pagefind binary (pip install 'pagefind[bin]')")
    return path


def run_pagefind(site: Path, output: Path, *, binary: Path | None = None) -> None:
    """Index the HTML under `site` into the bundle folder `output` (SearchUnavailable on failure)."""
    binary = binary or find_binary()
    command = [str(binary), "--site", str(site), "--output-path", str(output), "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    except OSError as exc:  # missing, not executable, or built for another platform
        raise SearchUnavailable(f"cannot run {binary}: {exc.strerror or exc}") from None
    except subprocess.TimeoutExpired:
        raise SearchUnavailable(f"{binary} ran for more than {TIMEOUT} s") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise SearchUnavailable(f"{binary} failed (exit {done.returncode}): {lines[-1] if lines else 'no message'}")
    if not (output / "pagefind.js").is_file():
        raise SearchUnavailable(f"{binary} wrote no pagefind.js")


def make_search_bundle(pages: Iterable[tuple[str, Path]], work: Path) -> SearchBundle:
    """Index `pages` (site-relative path, where the page's bytes are) in the scratch folder `work`.

    The pages are hard-linked (copied where links fail) into a snapshot, so the pages can come
    from the staging folder and the current site alike, and the indexer sees the new site whole.
    """
    snapshot, output = work / "site", work / BUNDLE
    try:
        shutil.rmtree(work, ignore_errors=True)
        made: set[Path] = set()
        for relative, source in pages:
            target = snapshot / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        snapshot.mkdir(parents=True, exist_ok=True)
        run_pagefind(snapshot, output)
    except (SearchUnavailable, OSError) as exc:
        message = exc.args[0] if isinstance(exc, SearchUnavailable) else f"cannot prepare the pages to index: {exc}"
        warning = Diagnostic("warning", BUNDLE, f"search index not built, the site is published without it: {message}")
        return SearchBundle(diagnostics=[warning])
    files = {
        f"{BUNDLE}/{path.relative_to(output).as_posix()}": path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file() and not path.name.startswith(UNUSED)
    }
    shutil.rmtree(work, ignore_errors=True)
    return SearchBundle(canonical_bundle(files))


@dataclass
class Refresh:
    """What refreshing the bundle of a built site changed."""

    files: list[str]
    """Every file of the site afterwards."""
    changed: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def refresh_search_bundle(
    output_dir: Path, files: list[str], *, work: Path, manifest_file: Path, page_cache: PageCache
) -> Refresh:
    """Index a committed site again after its pages were rewritten in place (the quick path).

    The new chunks have new names (Pagefind names them by content), so they are written first
    and `pagefind-entry.json`, which points at them, last; the old chunks are removed after.
    The build state (file list, the manifest's hashes of non-page files, the cache) follows.
    """
    pages = [relative for relative in files if is_indexed(relative)]
    old = {relative for relative in files if relative.startswith(BUNDLE + "/")}
    entry = f"{BUNDLE}/pagefind-entry.json"
    if not all((output_dir / relative).is_file() for relative in pages):
        # Pages deleted by hand: without them the index would differ from a full build's. Drop the
        # bundle's entry file (and its cache key), so the next build cannot restore it and builds in full.
        manifest = read_state(manifest_file)
        write_state(manifest_file, manifest | {"other": {**(manifest.get("other") or {}), entry: ""}})
        (output_dir / entry).unlink(missing_ok=True)
        return Refresh(files, [entry])
    bundle = make_search_bundle(((relative, output_dir / relative) for relative in pages), work)
    if bundle.diagnostics:
        return Refresh(files, diagnostics=bundle.diagnostics)
    changed: list[str] = []
    digests: dict[str, str] = {}
    for relative in sorted(bundle.files, key=lambda r: r == entry):
        data = bundle.files[relative]
        digests[relative] = hashlib.sha256(data).hexdigest()
        target = output_dir / relative
        if relative in old and same_bytes(target, data):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, data)
        changed.append(relative)
    for relative in sorted(old - bundle.files.keys()):
        (output_dir / relative).unlink(missing_ok=True)
        changed.append(relative)
    manifest = read_state(manifest_file)
    other = {k: v for k, v in (manifest.get("other") or {}).items() if not k.startswith(BUNDLE + "/")}
    write_state(manifest_file, manifest | {"other": other | digests})
    for relative, digest in digests.items():
        page_cache.add(digest, output_dir / relative)
    page_cache.save()
    kept = [relative for relative in files if relative not in old]
    return Refresh(sorted([*kept, *bundle.files]), sorted(changed))


def site_file(staging: Path, output_dir: Path) -> Callable[[str], Path]:
    """Where a file of the site being written is now: staged if it changed, else still in site/."""

    def where(relative: str) -> Path:
        staged = staging / relative
        return staged if staged.is_file() else output_dir / relative

    return where


# Pagefind writes its filter files, and the list of them in its metadata file, in hash-map order,
# which differs from run to run: the same pages gave other bytes and other file names each time.
# A full build is the reference that incremental builds must match byte for byte, so the bundle
# is put in a canonical form: filter values and filters sorted, and those files renamed by their
# new content. The files are gzip-compressed CBOR after a "pagefind_dcd" signature.

_SIGNATURE = b"pagefind_dcd"

Cbor = int | str | bytes | list["Cbor"] | None | bool


def _read_cbor(data: bytes, at: int = 0) -> tuple[Cbor, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        value = info
    elif info <= 27:
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"unsupported CBOR head {head:#x}")
    if major == 0:
        return value, at
    if major in (2, 3):
        raw = data[at : at + value]
        return (raw.decode("utf-8") if major == 3 else raw), at + value
    if major == 4:
        items: list[Cbor] = []
        for _ in range(value):
            item, at = _read_cbor(data, at)
            items.append(item)
        return items, at
    if major == 7 and value in (20, 21, 22):
        return {20: False, 21: True, 22: None}[value], at
    raise ValueError(f"unsupported CBOR type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("CBOR integer too large")


def _write_cbor(value: Cbor) -> bytes:
    if isinstance(value, bool) or value is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    return _head(4, len(value)) + b"".join(_write_cbor(item) for item in value)


def _decode(blob: bytes) -> Cbor:
    data = gzip.decompress(blob)
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind data file")
    value, end = _read_cbor(data, len(_SIGNATURE))
    if end != len(data) or _write_cbor(value) != data[len(_SIGNATURE) :]:
        raise ValueError("a Pagefind data file this reader cannot reproduce")
    return value


def _encode(value: Cbor) -> bytes:
    return gzip.compress(_SIGNATURE + _write_cbor(value), compresslevel=6, mtime=0)


def canonical_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """The same bundle with its filter files and metadata in a stable order (unchanged when its
    layout is not the one this understands: the bundle still works, only its bytes may vary)."""
    try:
        return _canonical(files)
    except (ValueError, IndexError, TypeError, KeyError, OSError, EOFError):
        return files


def _canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    out = dict(files)
    renamed: dict[str, str] = {}  # old hash ("en_1a2b3c4") -> new
    prefix = f"{BUNDLE}/filter/"
    for relative in [r for r in files if r.startswith(prefix) and r.endswith(".pf_filter")]:
        name, values = _as_list(_decode(files[relative]))
        blob = _encode([name, sorted(_as_list(values), key=lambda pair: str(_as_list(pair)[0]))])
        old = relative[len(prefix) : -len(".pf_filter")]
        new = f"{old.split('_')[0]}_{hashlib.sha256(blob).hexdigest()[:7]}"
        renamed[old] = new
        del out[relative]
        out[f"{prefix}{new}.pf_filter"] = blob
    entry = f"{BUNDLE}/pagefind-entry.json"
    for relative in [r for r in files if r.startswith(f"{BUNDLE}/pagefind.") and r.endswith(".pf_meta")]:
        meta = _as_list(_decode(files[relative]))
        meta[3] = sorted(
            ([name, renamed.get(str(old), old)] for name, old in map(_as_list, _as_list(meta[3]))), key=str
        )
        blob = _encode(meta)
        old = relative[len(f"{BUNDLE}/pagefind.") : -len(".pf_meta")]
        new = f"{old.split('_')[0]}_{hashlib.sha256(blob).hexdigest()[:10]}"
        del out[relative]
        out[f"{BUNDLE}/pagefind.{new}.pf_meta"] = blob
        out[entry] = out[entry].replace(f'"{old}"'.encode(), f'"{new}"'.encode())
    return out


def _as_list(value: Cbor) -> list[Cbor]:
    if not isinstance(value, list):
        raise TypeError("expected a CBOR array")
    return value
