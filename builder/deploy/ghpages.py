"""`briefgen deploy`: publish the built site to a branch (gh-pages) of a git remote.

The commit is written by ghp-import (the library behind `mkdocs gh-deploy`): it streams site/ into
`git fast-import`, so the branch gets a new commit while the working tree, the index and the
checked-out branch stay exactly as they were. Everything around it (which repository, which remote,
is the site fresh and within GitHub Pages' limits, pushing) is checked here with plain git commands
so that every refusal says what to do.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .. import __version__
from ..cache import display_path
from ..config import CONFIG_FILE, Config
from ..errors import ConfigError, DeployError, Diagnostic
from ..stamp import stale_inputs
from .preflight import preflight_site

if TYPE_CHECKING:
    from ..build import BuildReport

DEFAULT_REMOTE = "origin"
DEFAULT_BRANCH = "gh-pages"
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")
_GITHUB_REMOTE = re.compile(r"^(?:[a-z+]+://)?(?:[^@/]+@)?github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """The commit the site was built from."""

    commit: str | None
    """Full hash of HEAD; None before the first commit."""
    branch: str | None
    """The checked-out branch; None on a detached HEAD."""
    dirty: bool
    """The project's inputs (seeds, notes, templates, briefgen.toml) have uncommitted changes."""

    def describe(self, *, short: bool = True) -> str:
        if self.commit is None:
            return "uncommitted sources"
        name = self.commit[:7] if short else self.commit
        return f"{name} (with uncommitted changes)" if self.dirty else name


@dataclass(frozen=True)
class DeployPlan:
    """Where the site goes, checked before anything is built or written."""

    repo: Path
    remote: str
    remote_url: str | None
    """None when the remote does not exist (allowed only without pushing)."""
    branch: str
    push: bool
    source: Source
    cname: str | None = None
    """The custom domain given with --cname (validated), if any."""


@dataclass(frozen=True)
class DeployResult:
    plan: DeployPlan
    commit: str
    message: str
    files: int
    cname: str | None
    pushed: bool
    url: str | None
    """Where GitHub Pages will serve the site, when the remote is on github.com."""
    warnings: tuple[Diagnostic, ...]


def plan_deploy(
    config: Config,
    *,
    remote: str = DEFAULT_REMOTE,
    branch: str = DEFAULT_BRANCH,
    push: bool = True,
    cname: str | None = None,
) -> DeployPlan:
    """Check the options and the git side (repository, remote, checked-out branch, identity) before any work."""
    if _git(config.root, "check-ref-format", "--branch", branch, check=False).returncode != 0:
        raise ConfigError(f"--branch: {branch!r} is not a valid git branch name")
    domain = validate_cname(cname) if cname is not None else None
    repo = find_repo(config.root)
    remote_url = _remote_url(repo, remote)
    if remote_url is None and push:
        remotes = _git(repo, "remote").stdout.split()
        known = f" (remotes here: {', '.join(remotes)})" if remotes else ""
        raise DeployError(
            f"no git remote named {remote!r} in {repo}{known}: add your GitHub repository with "
            f"'git remote add {remote} https://github.com/USER/REPO.git', or choose another with --remote NAME"
        )
    current = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip() or None
    if current == branch:
        raise DeployError(
            f"{repo} has the branch {branch!r} checked out: switch back to your source branch "
            f"(for example 'git switch main'); briefgen deploy writes {branch!r} without checking it out"
        )
    head = _git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False).stdout.strip() or None
    _refuse_source_branch(repo, remote, branch, head, config)
    inputs = [str(path) for path in _input_paths(config) if path.exists()]
    dirty = bool(inputs) and bool(_git(repo, "status", "--porcelain", "--", *inputs).stdout.strip())
    _check_identity(repo)
    return DeployPlan(repo, remote, remote_url, branch, push, Source(head, current, dirty), domain)


def _refuse_source_branch(repo: Path, remote: str, branch: str, head: str | None, config: Config) -> None:
    """The target branch must be a branch of built sites: never one that holds the project's
    sources (part of the checked-out history, or a tree with briefgen.toml), which the deploy
    commit would replace with the site."""
    project = _git(repo, "ls-files", "--full-name", "--", str(config.root / CONFIG_FILE), check=False).stdout.strip()
    for ref in (f"refs/heads/{branch}", f"refs/remotes/{remote}/{branch}"):
        tip = _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).stdout.strip()
        if not tip:
            continue
        in_history = head is not None and (
            _git(repo, "merge-base", "--is-ancestor", tip, head, check=False).returncode == 0
        )
        has_sources = bool(project) and bool(
            _git(repo, "ls-tree", "--name-only", tip, "--", project, check=False).stdout.strip()
        )
        if in_history or has_sources:
            raise DeployError(
                f"the branch {branch!r} ({ref}) holds this project's sources"
                + (" (it is part of the checked-out history)" if in_history else f" ({project} is on it)")
                + "; deploy would replace them with the built site. Publish to a branch of its own, "
                f"such as the default: --branch {DEFAULT_BRANCH}"
            )


def find_repo(path: Path) -> Path:
    """The top of the git work tree that holds `path`."""
    result = _git(path, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise DeployError(
            f"{path} is not in a git repository: run 'git init' there, commit your project and add your "
            "GitHub repository as a remote (see the README, section 'Publish')"
        )
    return Path(result.stdout.strip())


def check_build(report: BuildReport) -> None:
    """Refuse to deploy after a build that reported errors or left the previous site in place."""
    errors = report.count("error")
    if errors or not (report.publishing.site_updated or report.up_to_date):
        raise DeployError(
            f"the build reported {errors} error{'s' if errors != 1 else ''} (listed above), so nothing was deployed: "
            "fix them and run 'briefgen deploy' again"
        )


def check_site_ready(config: Config) -> list[Diagnostic]:
    """Refuse a missing, stale or over-limit site; return the pre-flight warnings."""
    site = config.output_dir
    if not site.is_dir():
        raise DeployError(f"no built site in {site}: run 'briefgen build' first (or deploy without --no-build)")
    diagnostics = preflight_site(site)
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        listed = "\n".join(f"  {d}" for d in errors)
        raise DeployError(f"the site fails GitHub Pages' pre-flight checks, so nothing was deployed:\n{listed}")
    stale = stale_inputs(config)
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        raise DeployError(
            f"{display_path(site, config.root)}/ is stale: {shown} changed since its last successful build; "
            "run 'briefgen build' and check its output, or deploy without --no-build"
        )
    return diagnostics


def deploy_site(config: Config, plan: DeployPlan, *, message: str | None = None) -> DeployResult:
    """Commit site/ (plus .nojekyll and CNAME) onto the plan's branch with ghp-import, then push it.

    CNAME: the plan's --cname, else the custom domain of base_url, else the one already on the branch.
    """
    warnings = check_site_ready(config)
    cname = plan.cname or cname_from_base_url(config.base_url)
    if plan.remote_url is not None:
        warnings += _fetch_branch(plan)
    if cname is None:
        cname = _existing_cname(plan)
    text = make_message(plan.source, message)
    ref = f"refs/heads/{plan.branch}"
    before = _rev(plan.repo, ref)
    try:
        with contextlib.chdir(plan.repo):
            _ghp_import(str(config.output_dir), text, plan, cname)
    except (OSError, subprocess.SubprocessError) as exc:
        raise DeployError(f"could not commit {config.output_dir} to the branch {plan.branch!r}: {exc}") from exc
    after = _rev(plan.repo, ref)
    if after is None or after == before:
        raise DeployError(
            f"git fast-import did not commit {config.output_dir} to the branch {plan.branch!r} of {plan.repo} "
            "(its error is printed above)"
        )
    files = len(_git(plan.repo, "ls-tree", "-r", "--name-only", after).stdout.splitlines())
    if plan.push:
        _push(plan)
    url = pages_url(plan.remote_url, cname) if plan.remote_url else None
    if url:
        warnings += _base_url_warnings(config, url)
    return DeployResult(plan, after, text, files, cname, plan.push, url, tuple(warnings))


def make_message(source: Source, message: str | None = None) -> str:
    """Pure: the commit message, naming the source commit and briefgen's version (after a custom subject)."""
    subject = (
        message.strip() if message and message.strip() else f"Deploy {source.describe()} with briefgen {__version__}"
    )
    trailers = [f"Source-Commit: {source.describe(short=False)}"]
    if source.branch:
        trailers.append(f"Source-Branch: {source.branch}")
    trailers.append(f"Generator: briefgen {__version__}")
    return subject + "\n\n" + "\n".join(trailers) + "\n"


def validate_cname(value: str) -> str:
    """A custom domain for the CNAME file ("briefings.example.com"), lower-cased."""
    domain = value.strip().lower().rstrip(".")
    if not _DOMAIN.match(domain):
        raise ConfigError(f"--cname: expected a domain name such as briefings.example.com, got {value!r}")
    return domain


def cname_from_base_url(base_url: str) -> str | None:
    """Pure: the custom domain that base_url configures ("https://news.example.com/" -> news.example.com), if any."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if not host or host.endswith(".github.io") or not _DOMAIN.match(host) or (parts.path or "/") != "/":
        return None
    return host


def parse_github_remote(url: str) -> tuple[str, str] | None:
    """Pure: (owner, repository) of a github.com remote URL, else None."""
    match = _GITHUB_REMOTE.match(url.strip())
    return (match.group(1), match.group(2)) if match else None


def pages_url(remote_url: str, cname: str | None = None) -> str | None:
    """Pure: where GitHub Pages serves a repository's site (None for remotes outside github.com)."""
    if cname:
        return f"https://{cname}/"
    parsed = parse_github_remote(remote_url)
    if parsed is None:
        return None
    owner, repo = parsed[0].lower(), parsed[1]
    return (
        f"https://{owner}.github.io/" if repo.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{repo}/"
    )


def redact(url: str) -> str:
    """Pure: a remote URL without any user name or token in it."""
    return re.sub(r"^([a-z+]+://)[^@/]+@", r"\1", url, flags=re.IGNORECASE)


def _ghp_import(site: str, message: str, plan: DeployPlan, cname: str | None) -> None:
    import ghp_import  # type: ignore[import-untyped]

    try:
        ghp_import.ghp_import(  # no push here: _push reports git's own error message
            site,
            mesg=message,
            remote=plan.remote,
            branch=plan.branch,
            push=False,
            nojekyll=True,
            cname=cname,
        )
    except ghp_import.GhpError as exc:
        raise DeployError(f"ghp-import could not commit {site} to the branch {plan.branch!r}: {exc.message}") from exc
    except TypeError as exc:
        # ghp-import 2.1 reports a failed fast-import by writing bytes to sys.stdout, which raises here.
        raise DeployError(f"git fast-import failed to commit {site} to the branch {plan.branch!r}") from exc


def _fetch_branch(plan: DeployPlan) -> list[Diagnostic]:
    """Bring the remote's branch up to date locally, so the new commit goes on top of it."""
    tracking = f"refs/remotes/{plan.remote}/{plan.branch}"
    listed = _git(plan.repo, "ls-remote", "--heads", plan.remote, f"refs/heads/{plan.branch}", check=False)
    if listed.returncode == 0 and not listed.stdout.strip():
        if _rev(plan.repo, tracking):
            _git(plan.repo, "update-ref", "-d", tracking)  # the branch was deleted on the remote
        return []
    if listed.returncode == 0:
        fetched = _git(
            plan.repo,
            "fetch",
            "--quiet",
            "--no-tags",
            plan.remote,
            f"+refs/heads/{plan.branch}:{tracking}",
            check=False,
        )
        if fetched.returncode == 0:
            return []
        listed = fetched
    remote = f"{plan.remote} ({redact(plan.remote_url or '')})"
    problem = f"could not fetch {plan.branch!r} from {remote}: {_first_line(listed.stderr)}"
    if plan.push:
        raise DeployError(problem + "; check the remote's URL and your network and credentials")
    return [Diagnostic("warning", plan.remote, problem + "; the commit goes on top of the local branch")]


def _existing_cname(plan: DeployPlan) -> str | None:
    """Keep the custom domain already published (GitHub commits CNAME to the branch when set in Settings)."""
    for ref in (f"refs/remotes/{plan.remote}/{plan.branch}", f"refs/heads/{plan.branch}"):
        shown = _git(plan.repo, "show", f"{ref}:CNAME", check=False)
        if shown.returncode == 0:
            with contextlib.suppress(ConfigError):
                return validate_cname(shown.stdout)
    return None


def _push(plan: DeployPlan) -> None:
    ref = f"refs/heads/{plan.branch}"
    result = _git(plan.repo, "push", "--quiet", plan.remote, f"{ref}:{ref}", check=False)
    if result.returncode != 0:
        raise DeployError(
            f"git push to {plan.remote} ({redact(plan.remote_url or '')}) failed: {result.stderr.strip()}\n"
            f"The site is committed on the local branch {plan.branch!r}; fix the problem, then run "
            f"'git push {plan.remote} {plan.branch}' or 'briefgen deploy' again"
        )


def _base_url_warnings(config: Config, url: str) -> list[Diagnostic]:
    served = urlsplit(url)
    if config.base_path != served.path:
        return [
            Diagnostic(
                "warning",
                CONFIG_FILE,
                f"the site will be served at {url}, but it was built for the base path {config.base_path!r}, so its "
                f'links will break there: set base_url = "{url}" in {CONFIG_FILE} and deploy again',
            )
        ]
    origin = config.site_origin
    if origin and origin != f"{served.scheme}://{served.netloc}":
        return [
            Diagnostic(
                "warning",
                CONFIG_FILE,
                f"base_url points at {origin}, but the site will be served at {url}: feed and sitemap links "
                f'will point at the wrong host; set base_url = "{url}"',
            )
        ]
    return []


def _check_identity(repo: Path) -> None:
    """ghp-import signs the commit with GIT_COMMITTER_NAME/EMAIL or git config user.name/email."""
    for env, key in (("GIT_COMMITTER_NAME", "user.name"), ("GIT_COMMITTER_EMAIL", "user.email")):
        if not os.environ.get(env) and not _git(repo, "config", key, check=False).stdout.strip():
            raise DeployError(
                f"git does not know who is committing: set it with 'git config {key} ...' in {repo} "
                f"(or globally with --global), or set {env}"
            )


def _input_paths(config: Config) -> list[Path]:
    return [
        config.seeds_dir,
        config.content_dir,
        config.templates_dir,
        config.root / CONFIG_FILE,
        config.root / config.extract.aliases_file,
    ]


def _rev(repo: Path, ref: str) -> str | None:
    return _git(repo, "rev-parse", "--verify", "--quiet", ref, check=False).stdout.strip() or None


def _remote_url(repo: Path, remote: str) -> str | None:
    """The remote's URL as configured (before any url.*.insteadOf rewriting), None if there is no such remote."""
    result = _git(repo, "config", "--get", f"remote.{remote}.url", check=False)
    return result.stdout.strip() or None


def _git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise DeployError("git is not installed (or not on PATH): install git to deploy") from None
    if check and result.returncode != 0:
        raise DeployError(f"'git {' '.join(args)}' failed in {cwd}: {_first_line(result.stderr)}")
    return result


def _first_line(text: str) -> str:
    """Git's own explanation: its first "fatal:"/"error:" line, else its first line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith(("fatal: ", "error: ")):
            return line.split(": ", 1)[1]
    return lines[0] if lines else "no message"
