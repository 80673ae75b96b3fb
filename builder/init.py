"""`briefgen init`: a new project folder. Never overwrites an existing file."""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE, Config, load_config
from .deploy.workflow import WORKFLOW_FILE, make_workflow

GITIGNORE_LINES = ("site/", ".site.staging/", ".site.previous/", ".briefgen/", "*.md.bak")


def make_config_text(title: str) -> str:
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    return f'''# briefgen project settings (https://toml.io). Every key is optional.
title = "{escaped}"
description = "Briefing notes on the news, with sources."
# Where the site is served: "/" for a root or custom domain, or "https://user.github.io/repo/".
base_url = "/"
language = "en"
# Year inference for dates without a year resolves against this date (default: the build date).
# reference_date = 2026-01-31
'''


def init_project(directory: Path, *, title: str | None = None, github_pages: bool = False) -> list[str]:
    """Create briefgen.toml, seeds/, content/, templates/, .gitignore (and the Pages workflow); report what was done."""
    done: list[str] = []
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / CONFIG_FILE
    if config.exists():
        done.append(f"kept existing {config}")
    else:
        config.write_text(
            make_config_text(title or directory.resolve().name.replace("-", " ").title()), encoding="utf-8"
        )
        done.append(f"created {config}")
    for name in ("seeds", "content", "templates"):
        folder = directory / name
        if not folder.exists():
            folder.mkdir()
            done.append(f"created {folder}/")
    gitignore = directory / ".gitignore"
    current = gitignore.read_text(encoding="utf-8") if gitignore.exists() else ""
    existing = current.splitlines()
    missing = [line for line in GITIGNORE_LINES if line not in existing]
    if missing:
        prefix = "\n" if current and not current.endswith("\n") else ""
        with gitignore.open("a", encoding="utf-8") as handle:
            handle.write(prefix + "\n".join(missing) + "\n")
        done.append(f"{'updated' if existing else 'created'} {gitignore} ({', '.join(missing)})")
    if github_pages:
        done.append(_write_workflow(directory))
    return done


def _write_workflow(directory: Path) -> str:
    """The GitHub Pages workflow, for the folders this project's briefgen.toml names."""
    workflow = directory / WORKFLOW_FILE
    if workflow.exists():
        return f"kept existing {workflow}"
    config = load_config(directory.resolve())
    inputs = (config.seeds_dir, config.content_dir, config.templates_dir)
    text = make_workflow(
        site_dir=_relative(config.output_dir, config),
        cache_dir=_relative(config.cache_dir, config),
        inputs=tuple(_relative(path, config) for path in inputs),
    )
    workflow.parent.mkdir(parents=True, exist_ok=True)
    workflow.write_text(text, encoding="utf-8")
    return f"created {workflow}"


def _relative(path: Path, config: Config) -> str:
    return path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else path.as_posix()
