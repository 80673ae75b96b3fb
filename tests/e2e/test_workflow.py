"""The GitHub Pages workflow: this repository's and the one `briefgen init --github-pages` writes.

Both are validated against GitHub's workflow schema (check-jsonschema, offline) and audited by zizmor (offline).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from builder.deploy.workflow import ACTIONS, REPO_INSTALL, WORKFLOW_FILE, install_command, make_workflow
from tests.conftest import REPO, run_cli

REPO_WORKFLOW = REPO / WORKFLOW_FILE
REGENERATE = (
    'python -c "from pathlib import Path; from builder.deploy.workflow import *; '
    'Path(WORKFLOW_FILE).write_text(make_workflow(install=REPO_INSTALL))"'
)


def tool(name: str) -> str:
    """A test dependency installed beside this Python (the `test` extra), else on PATH."""
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} is missing: install the test dependencies with pip install -e '.[test]'"
    return path


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    """The workflow written by `briefgen init --github-pages` into a new project."""
    assert run_cli(tmp_path, "init", str(tmp_path), "--github-pages") == 0
    return tmp_path / WORKFLOW_FILE


def load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def steps(path: Path) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = load(path)["jobs"]["deploy"]["steps"]
    return result


def test_repo_workflow_is_the_generated_one_with_a_local_install() -> None:
    assert REPO_WORKFLOW.is_file(), f"missing {WORKFLOW_FILE}; write it with {REGENERATE}"
    assert REPO_WORKFLOW.read_text(encoding="utf-8") == make_workflow(install=REPO_INSTALL), (
        f"{WORKFLOW_FILE} differs from builder/workflow.py; regenerate it with {REGENERATE}"
    )


def test_init_github_pages_writes_the_workflow_once(generated: Path, tmp_path: Path) -> None:
    assert generated.read_text(encoding="utf-8") == make_workflow()
    assert f"run: {install_command('briefgen')}\n" in generated.read_text(encoding="utf-8")
    generated.write_text("# mine\n", encoding="utf-8")
    assert run_cli(tmp_path, "init", str(tmp_path), "--github-pages") == 0
    assert generated.read_text(encoding="utf-8") == "# mine\n"


def test_init_workflow_follows_the_project_folders(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('output_dir = "public"\ncache_dir = "cache"\ncontent_dir = "notes"\n')
    assert run_cli(tmp_path, "init", str(tmp_path), "--github-pages") == 0
    text = (tmp_path / WORKFLOW_FILE).read_text(encoding="utf-8")
    assert "path: public\n" in text and "path: cache\n" in text and "'notes/**'" in text


@pytest.mark.parametrize("which", ["repository", "generated"])
def test_workflow_builds_with_the_pages_base_url_and_deploys(which: str, generated: Path) -> None:
    path = REPO_WORKFLOW if which == "repository" else generated
    data = load(path)
    assert data[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # PyYAML reads `on:` as True
    assert data["permissions"] == {}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    job = data["jobs"]["deploy"]
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    order = [step.get("uses", "").split("@")[0] or step["run"].split()[0] for step in job["steps"]]
    assert order == [
        "actions/checkout",
        "actions/setup-python",
        "python",
        "actions/configure-pages",
        "actions/cache",
        "briefgen",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    build = next(step for step in job["steps"] if step.get("run", "").startswith("briefgen build"))
    assert build["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert build["run"] == 'briefgen build --base-url "$BASE_URL/"'
    assert next(step for step in job["steps"] if step.get("id") == "pages")["uses"].startswith(
        "actions/configure-pages@"
    )
    cache = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".briefgen"
    for name in ("'seeds/**'", "'content/**'", "'templates/**'", "'briefgen.toml'"):
        assert name in cache["with"]["key"]
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"] == {"path": "site"}
    assert job["steps"][0]["with"] == {"persist-credentials": False}


@pytest.mark.parametrize("which", ["repository", "generated"])
def test_every_action_is_pinned_to_a_commit_with_its_version(which: str, generated: Path) -> None:
    text = (REPO_WORKFLOW if which == "repository" else generated).read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:- )?uses: (.*)$", text, flags=re.MULTILINE)
    assert len(uses) == len(ACTIONS) == 6
    for line in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


@pytest.mark.parametrize("which", ["repository", "generated"])
def test_workflow_matches_githubs_schema(which: str, generated: Path) -> None:
    path = REPO_WORKFLOW if which == "repository" else generated
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def zizmor(path: Path) -> list[dict[str, Any]]:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--format", "json", str(path)], capture_output=True, text=True
    )
    assert result.stdout.strip().startswith("["), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


@pytest.mark.parametrize("which", ["repository", "generated"])
def test_zizmor_finds_nothing_of_medium_or_high_severity(which: str, generated: Path) -> None:
    findings = zizmor(REPO_WORKFLOW if which == "repository" else generated)
    serious = [
        f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}"
        for f in findings
        if f["determinations"]["severity"] in ("Medium", "High")
    ]
    assert serious == []


def test_zizmor_would_catch_an_unpinned_action(tmp_path: Path) -> None:
    """The audit above is meaningful: the same workflow with a tag instead of a commit is flagged."""
    path = tmp_path / WORKFLOW_FILE
    path.parent.mkdir(parents=True)
    path.write_text(re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", make_workflow()), encoding="utf-8")
    assert "unpinned-uses" in {f["ident"] for f in zizmor(path)}
