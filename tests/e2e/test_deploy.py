"""`briefgen deploy` against real git: a source repository and a bare repository as its remote."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from builder import __version__
from builder.deploy.ghpages import Source, cname_from_base_url, make_message, pages_url, parse_github_remote, redact
from builder.deploy.preflight import SiteFile, check_files
from tests.conftest import run_cli, snapshot

MakeProject = Callable[..., Path]

NOTE = """---
title: Minister visits the port
date: 2026-02-01
summary: A hand-written note, so these tests do not depend on the extractor.
topics: [politics]
---
The minister toured the port on Sunday.
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def branch_files(repo: Path, ref: str) -> dict[str, bytes]:
    """Every file on `ref` (path -> bytes)."""
    names = git(repo, "ls-tree", "-r", "--name-only", ref).splitlines()
    show = ["git", "cat-file", "blob"]
    return {
        name: subprocess.run([*show, f"{ref}:{name}"], cwd=repo, check=True, capture_output=True).stdout
        for name in names
    }


def has_ref(repo: Path, ref: str) -> bool:
    return (
        subprocess.run(["git", "rev-parse", "--verify", "--quiet", ref], cwd=repo, capture_output=True).returncode == 0
    )


def backdate(path: Path) -> None:
    """Make `path` a minute older, so that edits made just now are clearly newer on any file system."""
    earlier = path.stat().st_mtime_ns - 60_000_000_000
    os.utime(path, ns=(earlier, earlier))


def working_state(root: Path) -> tuple[str, str, str, dict[str, bytes]]:
    """HEAD, the checked-out branch, `git status`, and every tracked file's bytes."""
    tracked = {name: (root / name).read_bytes() for name in git(root, "ls-files").splitlines()}
    return (
        git(root, "rev-parse", "HEAD"),
        git(root, "branch", "--show-current"),
        git(root, "status", "--porcelain"),
        tracked,
    )


@pytest.fixture(autouse=True)
def git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A known committer, and no influence from the machine's own git configuration."""
    config = tmp_path / "gitconfig"
    config.write_text("")
    for key, value in {
        "GIT_CONFIG_GLOBAL": str(config),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test Author",
        "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Test Committer",
        "GIT_COMMITTER_EMAIL": "committer@example.com",
    }.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def repo_project(make_project: MakeProject, tmp_path: Path) -> Callable[..., tuple[Path, Path]]:
    """A project committed to a git repository on `main`, with a bare repository as `origin`."""

    def make(config: str = "", *, remote: bool = True) -> tuple[Path, Path]:
        root = make_project(sample=False, notes={"port-visit.md": NOTE}, config=config)
        (root / ".gitignore").write_text("site/\n.site.staging/\n.site.previous/\n.briefgen/\n")
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Add a note")
        bare = tmp_path / "remote.git"
        if remote:
            git(tmp_path, "init", "-q", "--bare", str(bare))
            git(root, "remote", "add", "origin", str(bare))
        return root, bare

    return make


def test_deploy_publishes_the_site_to_gh_pages_and_leaves_the_checkout_alone(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    before = working_state(root)
    assert run_cli(root, "deploy") == 0
    published = branch_files(remote, "gh-pages")
    assert published == snapshot(root / "site")
    assert published[".nojekyll"] == b"" and "CNAME" not in published
    assert "briefings/port-visit/index.html" in published
    source = git(root, "rev-parse", "HEAD")
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.splitlines()[0] == f"Deploy {source[:7]} with briefgen {__version__}"
    assert f"Source-Commit: {source}" in message and f"Generator: briefgen {__version__}" in message
    assert working_state(root) == before
    assert git(remote, "rev-list", "--count", "gh-pages") == "1"
    out = capsys.readouterr().out
    assert f"to origin/gh-pages: commit {git(remote, 'rev-parse', '--short=7', 'gh-pages')}" in out


def test_second_deploy_adds_one_commit_on_top(repo_project: Callable[..., tuple[Path, Path]]) -> None:
    root, remote = repo_project()
    assert run_cli(root, "deploy") == 0
    first = git(remote, "rev-parse", "gh-pages")
    note = root / "content" / "port-visit.md"
    note.write_text(NOTE.replace("on Sunday", "on Monday"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Fix the day")
    before = working_state(root)
    assert run_cli(root, "deploy", "--message", "Publish the corrected day") == 0
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"
    assert git(remote, "rev-parse", "gh-pages^") == first
    page = branch_files(remote, "gh-pages")["briefings/port-visit/index.html"]
    assert b"on Monday" in page and b"on Sunday" not in page
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("Publish the corrected day\n")
    assert f"Source-Commit: {git(root, 'rev-parse', 'HEAD')}" in message and f"briefgen {__version__}" in message
    assert working_state(root) == before


def test_cname_from_the_flag_is_published_and_kept(repo_project: Callable[..., tuple[Path, Path]]) -> None:
    root, remote = repo_project()
    assert run_cli(root, "deploy", "--cname", "Briefings.Example.com") == 0
    assert branch_files(remote, "gh-pages")["CNAME"].strip() == b"briefings.example.com"
    assert run_cli(root, "deploy") == 0  # GitHub's own CNAME commit must survive later deploys too
    files = branch_files(remote, "gh-pages")
    assert files["CNAME"].strip() == b"briefings.example.com" and ".nojekyll" in files


def test_cname_follows_a_custom_domain_base_url(repo_project: Callable[..., tuple[Path, Path]]) -> None:
    root, remote = repo_project('base_url = "https://news.example.org/"\n')
    assert run_cli(root, "deploy") == 0
    assert branch_files(remote, "gh-pages")["CNAME"].strip() == b"news.example.org"


def test_warns_when_base_url_does_not_match_the_pages_address(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    git(root, "remote", "set-url", "origin", "https://github.com/octo/briefings.git")
    git(root, "config", f"url.{remote}.insteadOf", "https://github.com/octo/briefings.git")  # no network in tests
    assert run_cli(root, "deploy") == 0
    out, err = capsys.readouterr()
    assert "site: https://octo.github.io/briefings/" in out
    assert "will be served at https://octo.github.io/briefings/" in err
    assert 'set base_url = "https://octo.github.io/briefings/"' in err
    assert run_cli(root, "deploy", "--base-url", "https://octo.github.io/briefings/") == 0
    assert "will be served at" not in capsys.readouterr().err
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"


def test_no_push_commits_to_the_local_branch_only(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    assert run_cli(root, "deploy", "--no-push", "--branch", "pages") == 0
    assert has_ref(root, "refs/heads/pages") and not has_ref(remote, "refs/heads/pages")
    assert "index.html" in branch_files(root, "pages")
    assert "git push origin pages" in capsys.readouterr().out


def test_refuses_outside_a_git_repository(make_project: MakeProject, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(sample=False, notes={"port-visit.md": NOTE})
    assert run_cli(root, "deploy") == 1
    err = capsys.readouterr().err
    assert "not in a git repository" in err and "git init" in err
    assert not (root / "site").exists()  # refused before building


def test_refuses_a_missing_remote(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo_project(remote=False)
    assert run_cli(root, "deploy") == 1
    err = capsys.readouterr().err
    assert "no git remote named 'origin'" in err and "git remote add origin" in err
    assert not has_ref(root, "refs/heads/gh-pages")


def test_refuses_a_stale_site(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    assert run_cli(root, "build") == 0
    note = root / "content" / "port-visit.md"
    note.write_text(NOTE.replace("on Sunday", "on Tuesday"), encoding="utf-8")
    backdate(root / "site")
    capsys.readouterr()
    assert run_cli(root, "deploy", "--no-build") == 1
    err = capsys.readouterr().err
    assert "stale" in err and "content/port-visit.md" in err
    assert not has_ref(remote, "refs/heads/gh-pages")
    assert run_cli(root, "deploy") == 0  # building first makes it fresh


def test_refuses_a_deleted_note_as_stale(repo_project: Callable[..., tuple[Path, Path]]) -> None:
    root, remote = repo_project()
    (root / "content" / "other.md").write_text("---\ntitle: Other\n---\nText.\n", encoding="utf-8")
    assert run_cli(root, "build") == 0
    (root / "content" / "other.md").unlink()
    backdate(root / "site")
    assert run_cli(root, "deploy", "--no-build") == 1
    assert not has_ref(remote, "refs/heads/gh-pages")


def test_refuses_when_the_build_fails(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    (root / "templates").mkdir()
    (root / "templates" / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}{{ nope() }}{% endblock %}'
    )
    assert run_cli(root, "deploy") == 1
    assert "nothing was deployed" in capsys.readouterr().err
    assert not has_ref(remote, "refs/heads/gh-pages") and not has_ref(root, "refs/heads/gh-pages")


def test_refuses_a_site_with_a_symlink_and_check_reports_it(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    assert run_cli(root, "build") == 0
    (root / "site" / "latest.html").symlink_to("index.html")
    capsys.readouterr()
    assert run_cli(root, "deploy", "--no-build") == 1
    err = capsys.readouterr().err
    assert "pre-flight" in err and "site/latest.html" in err and "symbolic link" in err
    assert not has_ref(remote, "refs/heads/gh-pages")
    assert run_cli(root, "check") == 1
    assert "site/latest.html" in capsys.readouterr().err


def test_refuses_a_file_over_100_mb(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, remote = repo_project()
    assert run_cli(root, "build") == 0
    with open(root / "site" / "video.mp4", "wb") as handle:
        handle.truncate(101_000_000)  # sparse: no disk space used
    capsys.readouterr()
    assert run_cli(root, "deploy", "--no-build") == 1
    assert "site/video.mp4: file is 101 MB" in capsys.readouterr().err
    assert not has_ref(remote, "refs/heads/gh-pages")


def test_check_warns_about_dot_files_the_upload_action_drops(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo_project()
    assert run_cli(root, "build") == 0
    (root / "site" / ".well-known").mkdir()
    (root / "site" / ".well-known" / "security.txt").write_text("Contact: mailto:desk@example.com\n")
    capsys.readouterr()
    assert run_cli(root, "check") == 0
    err = capsys.readouterr().err
    assert "warning: site/.well-known: name starts with a dot" in err and "include-hidden-files" in err
    assert ".nojekyll" not in err


def test_refuses_while_the_target_branch_is_checked_out(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo_project()
    git(root, "switch", "-q", "-c", "gh-pages")
    assert run_cli(root, "deploy") == 1
    assert "has the branch 'gh-pages' checked out" in capsys.readouterr().err


def test_invalid_cname_is_a_usage_error(repo_project: Callable[..., tuple[Path, Path]]) -> None:
    root, remote = repo_project()
    assert run_cli(root, "deploy", "--cname", "https://example.com/") == 2
    assert not has_ref(remote, "refs/heads/gh-pages") and not (root / "site").exists()


def test_preflight_limits_total_size_and_large_files() -> None:
    assert check_files([SiteFile(f"part{i}.bin", 99_000_000) for i in range(8)]) == []
    (warning,) = check_files(
        [SiteFile("index.html", 58_000_000), *(SiteFile(f"{i}.bin", 99_000_000) for i in range(8))]
    )
    assert warning.severity == "warning" and "85%" in warning.message
    found = check_files([SiteFile(f"part{i}.bin", 99_000_000) for i in range(11)])
    assert [(d.severity, d.file) for d in found] == [("error", "site")]
    (big,) = check_files([SiteFile("movie.mp4", 150_000_000)])
    assert big.severity == "error" and big.file == "site/movie.mp4" and "150 MB" in big.message


def test_preflight_reports_links_and_hidden_files_once_per_folder() -> None:
    files = [
        SiteFile(".nojekyll", 0),
        SiteFile(".well-known/security.txt", 10),
        SiteFile(".well-known/keybase.txt", 10),
        SiteFile("static/.DS_Store", 10),
        SiteFile("latest.html", 0, "index.html"),
    ]
    found = [(d.severity, d.file) for d in check_files(files)]
    assert found == [
        ("warning", "site/.well-known"),
        ("warning", "site/static/.DS_Store"),
        ("error", "site/latest.html"),
    ]


def test_commit_message_names_the_source_and_version() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    text = make_message(Source(sha, "main", dirty=True))
    assert text.startswith(f"Deploy 0123456 (with uncommitted changes) with briefgen {__version__}\n\n")
    assert f"Source-Commit: {sha} (with uncommitted changes)\nSource-Branch: main\n" in text
    assert make_message(Source(sha, None, dirty=False), "Custom").startswith("Custom\n\nSource-Commit: " + sha)


@pytest.mark.parametrize(
    ("remote", "cname", "url"),
    [
        ("https://github.com/octo/briefings.git", None, "https://octo.github.io/briefings/"),
        ("git@github.com:Octo/briefings", None, "https://octo.github.io/briefings/"),
        ("ssh://git@github.com/octo/octo.github.io.git", None, "https://octo.github.io/"),
        ("https://x-access-token:secret@github.com/octo/briefings", None, "https://octo.github.io/briefings/"),
        ("https://github.com/octo/briefings", "news.example.com", "https://news.example.com/"),
        ("https://gitlab.com/octo/briefings.git", None, None),
    ],
)
def test_pages_url_from_the_remote(remote: str, cname: str | None, url: str | None) -> None:
    assert pages_url(remote, cname) == url


def test_remote_helpers() -> None:
    assert parse_github_remote("https://github.com/octo/briefings/") == ("octo", "briefings")
    assert redact("https://x-access-token:secret@github.com/octo/b.git") == "https://github.com/octo/b.git"
    assert cname_from_base_url("https://News.Example.com/") == "news.example.com"
    assert cname_from_base_url("https://octo.github.io/briefings/") is None
    assert cname_from_base_url("/briefings/") is None
    assert cname_from_base_url("https://example.com/sub/") is None


def test_refuses_to_publish_onto_a_branch_that_holds_the_sources(
    repo_project: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = repo_project()
    git(root, "branch", "master")  # the project's history under another name
    before = git(root, "rev-parse", "master")
    assert run_cli(root, "deploy", "--branch", "master", "--no-push") == 1
    err = capsys.readouterr().err
    assert "the branch 'master' (refs/heads/master) holds this project's sources" in err
    assert git(root, "rev-parse", "master") == before
    # A branch that diverged but still carries the project's files is refused too.
    git(root, "switch", "-q", "-c", "other")
    (root / "seeds" / "extra.txt").write_text("Extra Headline\n\nExtra text.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Another source commit")
    git(root, "switch", "-q", "main")
    assert run_cli(root, "deploy", "--branch", "other", "--no-push") == 1
    assert "briefgen.toml is on it" in capsys.readouterr().err
