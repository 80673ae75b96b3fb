"""`briefgen init`: a new project folder. Never overwrites an existing file."""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE

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


def init_project(directory: Path, *, title: str | None = None) -> list[str]:
    """Create briefgen.toml, seeds/, content/, templates/ and .gitignore; report what was done."""
    done: list[str] = []
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / CONFIG_FILE
    if config.exists():
        done.append(f"kept existing {config}")
    else:
        config.write_text(make_config_text(title or directory.resolve().name.replace("-", " ").title()), encoding="utf-8")
        done.append(f"created {config}")
    for name in ("seeds", "content", "templates"):
        folder = directory / name
        if not folder.exists():
            folder.mkdir()
            done.append(f"created {folder}/")
    gitignore = directory / ".gitignore"
    existing = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.exists() else []
    missing = [line for line in GITIGNORE_LINES if line not in existing]
    if missing:
        prefix = "\n" if existing and existing[-1].strip() else ""
        with gitignore.open("a", encoding="utf-8") as handle:
            handle.write(prefix + "\n".join(missing) + "\n")
        done.append(f"{'updated' if existing else 'created'} {gitignore} ({', '.join(missing)})")
    return done
