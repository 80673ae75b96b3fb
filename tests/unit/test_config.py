"""briefgen.toml -> Config: defaults, validation with helpful messages, paths, overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from builder.config import Config, find_root, load_config, parse_config
from builder.errors import ConfigError


def parse(tmp_path: Path, **data: Any) -> Config:
    return parse_config(dict(data), root=tmp_path, source="briefgen.toml")


def test_empty_config_gives_documented_defaults(tmp_path: Path) -> None:
    config = parse(tmp_path)
    assert config.root == tmp_path
    assert config.title == "Briefings"
    assert config.base_url == "/"
    assert config.base_path == "/"
    assert config.site_origin == ""
    assert config.language == "en"
    assert config.reference_date is None
    assert config.feed_size == 50
    assert config.related_count == 5
    assert config.extract.engine == "rules"
    assert config.extract.aliases_file == "aliases.toml"
    assert config.seeds_dir == tmp_path / "seeds"
    assert config.content_dir == tmp_path / "content"
    assert config.output_dir == tmp_path / "site"
    assert config.templates_dir == tmp_path / "templates"
    assert config.cache_dir == tmp_path / ".briefgen"


def test_misspelt_key_is_an_error_suggesting_the_right_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'titel'; did you mean 'title'\?"):
        parse(tmp_path, titel="My site")


def test_unrecognisable_key_lists_the_known_keys(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown key 'zzzz'; known keys: .*base_url.*title"):
        parse(tmp_path, zzzz=1)


def test_misspelt_key_in_extract_table_names_the_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[extract\]: unknown key 'engin'; did you mean 'engine'\?"):
        parse(tmp_path, extract={"engin": "rules"})


def test_unknown_extraction_engine_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[extract\]: field 'engine'"):
        parse(tmp_path, extract={"engine": "gpt"})


def test_extract_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"'extract' must be a table"):
        parse(tmp_path, extract="rules")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", 3),
        ("description", ["a"]),
        ("reference_date", "2026-13-01"),
        ("reference_date", "next tuesday"),
        ("base_url", "ftp://x"),
        ("base_url", "https://"),
        ("base_url", "repo/"),
        ("feed_size", -1),
        ("feed_size", True),
        ("related_count", "5"),
        ("output_dir", 7),
    ],
)
def test_wrong_type_or_format_is_an_error_naming_the_field(tmp_path: Path, field: str, value: object) -> None:
    with pytest.raises(ConfigError, match=rf"^briefgen\.toml: field '{field}'"):
        parse(tmp_path, **{field: value})


def test_reference_date_accepts_toml_date_and_iso_string(tmp_path: Path) -> None:
    assert parse(tmp_path, reference_date=date(2026, 1, 13)).reference() == date(2026, 1, 13)
    assert parse(tmp_path, reference_date="2026-01-13").reference_date == date(2026, 1, 13)


@pytest.mark.parametrize(
    ("base_url", "base_path", "origin"),
    [
        ("/", "/", ""),
        ("/repo", "/repo/", ""),
        ("/repo/", "/repo/", ""),
        ("https://u.github.io/repo/", "/repo/", "https://u.github.io"),
        ("https://u.github.io/repo", "/repo/", "https://u.github.io"),
        ("https://example.com", "/", "https://example.com"),
        ("http://localhost:8000/", "/", "http://localhost:8000"),
    ],
)
def test_base_path_and_origin_come_from_base_url(tmp_path: Path, base_url: str, base_path: str, origin: str) -> None:
    config = parse(tmp_path, base_url=base_url)
    assert config.base_path == base_path
    assert config.site_origin == origin


def test_relative_paths_are_resolved_against_the_project_root(tmp_path: Path) -> None:
    config = parse(tmp_path, output_dir="public", content_dir="notes/briefings", cache_dir="build/cache")
    assert config.output_dir == tmp_path / "public"
    assert config.content_dir == tmp_path / "notes" / "briefings"
    assert config.cache_dir == tmp_path / "build" / "cache"
    assert all(p.is_absolute() for p in (config.seeds_dir, config.templates_dir))


@pytest.mark.parametrize("output_dir", [".", "./", "content", "content/", "content/site", ".briefgen", "seeds/.."])
def test_output_dir_may_not_be_the_project_or_content_directory(tmp_path: Path, output_dir: str) -> None:
    with pytest.raises(ConfigError, match=r"fields? 'output_dir'"):
        parse(tmp_path, output_dir=output_dir)


@pytest.mark.parametrize("output_dir", ["..", "seeds", "templates", "../victim", "/tmp/victim"])
def test_output_dir_may_not_replace_the_project_or_its_sources(tmp_path: Path, output_dir: str) -> None:
    root = tmp_path / "project"
    root.mkdir()
    with pytest.raises(ConfigError, match=r"fields? 'output_dir'"):
        parse(root, output_dir=output_dir)


@pytest.mark.parametrize(
    "cache_dir", [".", "site", "site/cache", "content", "seeds", "templates", "../elsewhere", "/tmp"]
)
def test_cache_dir_must_be_a_folder_of_its_own_inside_the_project(tmp_path: Path, cache_dir: str) -> None:
    root = tmp_path / "project"
    root.mkdir()
    with pytest.raises(ConfigError, match=r"fields? .*'cache_dir'"):
        parse(root, cache_dir=cache_dir)


def test_parse_config_leaves_its_input_unchanged(tmp_path: Path) -> None:
    data = {"title": "T", "extract": {"aliases_file": "people.toml"}}
    first = parse_config(data, root=tmp_path)
    assert data == {"title": "T", "extract": {"aliases_file": "people.toml"}}
    assert parse_config(data, root=tmp_path) == first


def test_load_config_reads_briefgen_toml(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text(
        'title = "Asia desk"\nreference_date = 2026-01-13\nbase_url = "/demo/"\n[extract]\naliases_file = "a.toml"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.title == "Asia desk"
    assert config.reference_date == date(2026, 1, 13)
    assert config.base_path == "/demo/"
    assert config.extract.aliases_file == "a.toml"


def test_load_config_without_a_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.title == "Briefings"
    assert config.output_dir == tmp_path.resolve() / "site"


def test_load_config_errors_name_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('titel = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"briefgen\.toml: unknown key 'titel'; did you mean 'title'"):
        load_config(tmp_path)


def test_invalid_toml_is_a_config_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('title = "unterminated\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"briefgen\.toml: invalid TOML"):
        load_config(tmp_path)


def test_command_line_overrides_win_and_none_means_not_given(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('title = "From file"\nbase_url = "/file/"\n', encoding="utf-8")
    config = load_config(tmp_path, base_url="/cli/", title=None, output_dir="out")
    assert config.base_url == "/cli/"
    assert config.title == "From file"
    assert config.output_dir == tmp_path.resolve() / "out"


def test_invalid_override_is_rejected_like_a_file_value(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"field 'base_url'"):
        load_config(tmp_path, base_url="repo/")


def test_find_root_walks_up_to_the_nearest_config(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    inner = outer / "inner"
    deep = inner / "content" / "drafts"
    deep.mkdir(parents=True)
    (outer / "briefgen.toml").write_text("", encoding="utf-8")
    assert find_root(deep) == outer.resolve()
    (inner / "briefgen.toml").write_text("", encoding="utf-8")
    assert find_root(deep) == inner.resolve()
    assert find_root(inner) == inner.resolve()


def test_find_root_ignores_a_directory_named_like_the_config(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").mkdir()
    start = tmp_path / "sub"
    start.mkdir()
    assert find_root(start) == start.resolve()


def test_find_root_without_any_config_returns_the_start(tmp_path: Path) -> None:
    start = tmp_path / "a" / "b"
    start.mkdir(parents=True)
    assert find_root(start) == start.resolve()
