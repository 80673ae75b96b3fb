"""The `briefgen` command. The only place that prints and picks exit codes.

Exit codes: 0 success, 1 build errors (or warnings with --strict), 2 usage or configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .config import ENGINES, Config, check_engine, default_jobs, find_root, load_config
from .deploy.workflow import WORKFLOW_FILE
from .errors import BriefgenError, ConfigError, Diagnostic

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn news articles into briefing notes and a cross-linked static site.",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    parser.add_argument(
        "-C",
        "--project",
        type=Path,
        default=None,
        help="project directory (default: nearest with briefgen.toml, else the current one)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = sub.add_parser(
        "build", help="seeds -> notes -> site", description="Update notes from seeds/, then build site/ from content/."
    )
    build.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    build.add_argument(
        "--force", action="store_true", help="regenerate edited notes too (the edited version is kept as <slug>.md.bak)"
    )
    build.add_argument("--base-url", help="override base_url, e.g. https://user.github.io/repo/")
    build.add_argument("--jobs", "-j", type=_positive_int, default=None, help="worker processes (default: all cores)")
    build.add_argument("--drafts", action="store_true", help="include notes marked draft: true")
    build.add_argument("--engine", choices=ENGINES, help="extraction engine (default: [extract] engine, else rules)")
    build.add_argument("-v", "--verbose", action="store_true", help="list every diagnostic and show tracebacks")

    extract = sub.add_parser(
        "extract",
        help="print the briefing metadata of seeds (writes nothing)",
        description="Print the briefing metadata of each seed as one JSON object per line (or YAML documents). "
        "Give '-' to read paths from standard input, one per line.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--format", choices=("json", "yaml"), default="json")
    extract.add_argument(
        "--reference-date", help="date that year inference resolves against (default: config or today)"
    )
    extract.add_argument("--jobs", "-j", type=_positive_int, default=None, help="worker processes (default: all cores)")
    extract.add_argument("--engine", choices=ENGINES, help="extraction engine (default: [extract] engine, else rules)")

    check = sub.add_parser(
        "check",
        help="validate notes and the built site",
        description="Validate notes and the built site: front-matter, internal links and anchors.",
    )
    check.add_argument("-v", "--verbose", action="store_true")

    init = sub.add_parser(
        "init",
        help="set up a new project",
        description="Create briefgen.toml, seeds/, content/ and .gitignore; never overwrites files.",
    )
    init.add_argument("directory", nargs="?", type=Path, default=Path("."))
    init.add_argument("--title", default=None, help="site title")
    init.add_argument(
        "--github-pages", action="store_true", help=f"also write {WORKFLOW_FILE} (publishes the site on GitHub Pages)"
    )

    deploy = sub.add_parser(
        "deploy",
        help="publish site/ to the gh-pages branch of a git remote",
        description="Build the site (unless --no-build), check it against GitHub Pages' limits, commit it with "
        ".nojekyll (and CNAME) to a branch of a git remote, and push. Your working tree and current branch are "
        "not touched.",
    )
    deploy.add_argument("--remote", default="origin", help="git remote to push to (default: origin)")
    deploy.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    deploy.add_argument("--message", "-m", help="commit subject (the source commit and briefgen version are added)")
    deploy.add_argument("--no-push", action="store_true", help="commit to the local branch only")
    deploy.add_argument("--no-build", action="store_true", help="publish site/ as it is (refused if it is stale)")
    deploy.add_argument(
        "--cname", metavar="DOMAIN", help="custom domain for the CNAME file (default: base_url's host unless github.io)"
    )
    deploy.add_argument("--base-url", help="override base_url for the build")
    deploy.add_argument("--jobs", "-j", type=_positive_int, default=None, help="worker processes (default: all cores)")
    deploy.add_argument("-v", "--verbose", action="store_true", help="list every diagnostic and show tracebacks")

    serve = sub.add_parser(
        "serve",
        help="live preview: build, serve, rebuild on change and reload the browser",
        description="Build the site with drafts into the cache (site/ is not touched), serve it, watch seeds/, "
        "content/, templates/ and briefgen.toml, rebuild what a change affects and reload the browser. "
        "Build errors are shown in the browser; the server keeps running.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", "-p", type=_port, default=8000, help="port to listen on (default: 8000; 0: any)")
    serve.add_argument("--open", action="store_true", help="open the site in a web browser")
    serve.add_argument("--poll", action="store_true", help="poll for changes (network mounts, WSL) instead of inotify")
    serve.add_argument("--base-url", help="override base_url (the site is served under its path)")
    serve.add_argument("--no-drafts", action="store_true", help="leave out notes marked draft: true, as build does")
    serve.add_argument("-v", "--verbose", action="store_true", help="show tracebacks")
    return parser


def _port(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError("must be between 0 and 65535")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    verbose = bool(getattr(args, "verbose", False))
    try:
        handler: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
        return handler(args)
    except ConfigError as exc:
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BriefgenError as exc:
        if verbose:
            raise
        print(f"briefgen: error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print("briefgen: interrupted; the previous site is unchanged", file=sys.stderr)
        return 130


def _config(args: argparse.Namespace, **overrides: Any) -> Config:
    root = args.project.resolve() if args.project else find_root(Path.cwd())
    return load_config(root, **overrides)


def _jobs(args: argparse.Namespace) -> int:
    return int(args.jobs) if args.jobs else default_jobs()


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    config = _config(args, base_url=args.base_url, engine=args.engine)
    report = build(
        config, force=args.force, jobs=_jobs(args), include_drafts=args.drafts, progress=_progress(sys.stderr)
    )
    _print_diagnostics(report.diagnostics, verbose=args.verbose)
    a, p = report.authoring, report.publishing
    out = sys.stdout
    if args.verbose and report.plan:
        print(f"plan: {report.plan}", file=out)
    if a is not None:
        print(
            f"notes: {a.seeds} seeds: {a.created} created, {a.regenerated} regenerated, {a.unchanged} unchanged, "
            f"{a.kept_edited} kept edited, {a.orphans} orphaned"
            + (f", {a.refused} refused (see the errors above)" if a.refused else "")
            + (f" ({a.reused} written from the extraction cache)" if a.reused else ""),
            file=out,
        )
    entities = ", ".join(f"{n} {k}" for k, n in p.entity_pages.items())
    if report.up_to_date:
        print("nothing changed since the last build", file=out)
    elif report.quick:
        print("notes: only note bodies changed; rendered their pages alone", file=out)
    print(
        f"site: {p.briefings} briefings, {entities}; {p.pages} pages ({p.rendered} rendered), {p.feeds} feed"
        + ("s" if p.feeds != 1 else ""),
        file=out,
    )
    print(
        f"files: {p.written} written, {p.unchanged} unchanged, {p.removed} removed"
        + ("" if p.site_updated or report.up_to_date else " (site not updated)"),
        file=out,
    )
    errors, warnings = report.count("error"), report.count("warning")
    print(f"{errors} errors, {warnings} warnings in {report.seconds:.2f} s -> {_rel(config.output_dir)}", file=out)
    if errors or (args.strict and warnings):
        return EXIT_ERRORS
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    import yaml

    from .authoring.sync import extract_many

    reference = _reference(args)
    if args.engine:
        check_engine(args.engine, "--engine")
    config = _config(args)
    engine = args.engine or config.extract.engine
    files: list[str] = []
    for name in args.files:
        if name == "-":
            files.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            files.append(name)
    jobs = [(Path(name), name, reference, None, engine, config.max_seed_size) for name in files]
    failed = 0
    for result in extract_many(jobs, workers=_jobs(args)):
        if result.error:
            failed += 1
            print(f"briefgen: error: {result.error}", file=sys.stderr)
            continue
        record = {"file": result.seed, **result.frontmatter}
        if args.format == "json":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(yaml.safe_dump(record, sort_keys=False, allow_unicode=True, explicit_start=True))
    return EXIT_ERRORS if failed else EXIT_OK


def _reference(args: argparse.Namespace) -> date:
    if args.reference_date:
        try:
            return date.fromisoformat(args.reference_date)
        except ValueError:
            raise ConfigError(f"--reference-date: expected YYYY-MM-DD, got {args.reference_date!r}") from None
    return _config(args).reference()


def cmd_check(args: argparse.Namespace) -> int:
    from .deploy.check import check_project

    config = _config(args)
    diagnostics, checked = check_project(config)
    _print_diagnostics(diagnostics, verbose=True)
    errors = sum(1 for d in diagnostics if d.severity == "error")
    print(f"checked {checked.notes} notes, {checked.pages} pages, {checked.links} links: {errors} errors")
    return EXIT_ERRORS if errors else EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from .init import init_project

    created = init_project(args.directory, title=args.title, github_pages=args.github_pages)
    for line in created:
        print(line)
    print(f"ready: add articles to {_rel(args.directory / 'seeds')}/ and run 'briefgen build'")
    if args.github_pages:
        print("then push to GitHub and set Settings -> Pages -> Source to 'GitHub Actions'")
    return EXIT_OK


def cmd_deploy(args: argparse.Namespace) -> int:
    from .deploy.ghpages import check_build, deploy_site, plan_deploy, redact

    config = _config(args, base_url=args.base_url)
    plan = plan_deploy(config, remote=args.remote, branch=args.branch, push=not args.no_push, cname=args.cname)
    if not args.no_build:
        from .build import build

        report = build(config, jobs=_jobs(args), progress=_progress(sys.stderr))
        _print_diagnostics(report.diagnostics, verbose=args.verbose)
        check_build(report)
        print(f"built {report.publishing.pages} pages in {report.seconds:.2f} s -> {_rel(config.output_dir)}")
    result = deploy_site(config, plan, message=args.message)
    _print_diagnostics(list(result.warnings), verbose=True)
    where = f"{plan.remote}/{plan.branch}" if result.pushed else f"the local branch {plan.branch}"
    print(
        f"published {_rel(config.output_dir)}/ ({result.files} files) to {where}: commit {result.commit[:7]}, "
        f"from {plan.source.describe()}" + (f", CNAME {result.cname}" if result.cname else "")
    )
    if not result.pushed:
        remote = plan.remote if plan.remote_url else "REMOTE"
        print(f"not pushed (--no-push): publish it with 'git push {remote} {plan.branch}'")
    elif plan.remote_url:
        print(f"pushed to {redact(plan.remote_url)}")
    if result.url and result.pushed:
        print(f"site: {result.url} (Settings -> Pages -> Source: 'Deploy from a branch', {plan.branch}, / (root))")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    import webbrowser

    from .serve.server import Preview

    root = args.project.resolve() if args.project else find_root(Path.cwd())

    def load() -> Config:
        """Read again whenever briefgen.toml changes; --base-url keeps overriding it."""
        return load_config(root, base_url=args.base_url)

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    preview = Preview(load, host=args.host, port=args.port, include_drafts=not args.no_drafts, poll=args.poll, log=log)
    try:  # from the start: a Ctrl-C at any moment must stop the server's threads, or exit waits for them
        preview.start()
        print(f"serving {preview.url} (drafts {'hidden' if args.no_drafts else 'shown'}; Ctrl-C stops)", flush=True)
        if args.open:
            webbrowser.open(preview.url)
        preview.wait()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        preview.stop()
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build,
    "extract": cmd_extract,
    "check": cmd_check,
    "init": cmd_init,
    "serve": cmd_serve,
    "deploy": cmd_deploy,
}


def _print_diagnostics(diagnostics: list[Diagnostic], *, verbose: bool) -> None:
    shown = [d for d in diagnostics if verbose or d.severity != "info"]
    for diagnostic in shown:
        print(str(diagnostic), file=sys.stderr)
    hidden = len(diagnostics) - len(shown)
    if hidden:
        print(f"({hidden} info messages; -v lists them)", file=sys.stderr)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _progress(stream: TextIO) -> Callable[[str, int], Callable[[], None]] | None:
    """A one-line progress counter on a terminal (nothing when output is redirected)."""
    if not stream.isatty():
        return None

    def start(label: str, total: int) -> Callable[[], None]:
        state = {"done": 0, "shown": 0.0}

        def tick() -> None:
            state["done"] += 1
            now = time.monotonic()
            if now - state["shown"] > 0.1 or state["done"] == total:
                state["shown"] = now
                end = "\n" if state["done"] == total else ""
                stream.write(f"\r{label}: {int(state['done'])}/{total}{end}")
                stream.flush()

        return tick

    return start
