"""SIGKILL at random moments of a build: site/ is always the previous complete site or the new
complete one, every note is old or new (never truncated), and the next build matches a clean one."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli, snapshot

MakeProject = Callable[..., Path]
SEEDS = 240


def seed(i: int, version: str) -> str:
    return (
        f"Council Approves Plan {i} {version}\n\n"
        f"The council of Town {i} approved plan {i} on Monday, officials said.\n\n"
        f'"It is a good plan for Town {i}," said Mayor Ann Carter, who backed it.\n\n'
        f"The vote follows months of debate over spending on schools and roads ({version}).\n"
    )


def change(root: Path) -> None:
    """Every page changes (the site title), and a third of the notes are regenerated."""
    config = root / "briefgen.toml"
    config.write_text(config.read_text().replace('title = "Test briefings"', 'title = "New title"'))
    for i in range(0, SEEDS, 3):
        (root / "seeds" / f"s{i:03}.txt").write_text(seed(i, "revised"))


@pytest.mark.slow
def test_a_killed_build_leaves_the_old_or_the_new_site_never_a_mix(make_project: MakeProject, tmp_path: Path) -> None:
    base = make_project("base", sample=False, seeds={f"s{i:03}.txt": seed(i, "first") for i in range(SEEDS)})
    assert run_cli(base, "build", "--jobs", "2") == 0
    old_site, old_notes = snapshot(base / "site"), snapshot(base / "content")
    reference = tmp_path / "reference"
    shutil.copytree(base, reference, symlinks=True)
    change(reference)
    started = time.perf_counter()
    assert run_cli(reference, "build", "--jobs", "2") == 0
    duration = time.perf_counter() - started
    new_site, new_notes = snapshot(reference / "site"), snapshot(reference / "content")
    assert old_site != new_site
    rng = random.Random(20261204)
    outcomes = {"old": 0, "new": 0}
    for trial in range(8):
        root = tmp_path / f"trial{trial}"
        shutil.copytree(base, root, symlinks=True)
        change(root)
        process = subprocess.Popen(
            [sys.executable, "-m", "builder", "-C", str(root), "build", "--jobs", "2"],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(0.2, duration * 1.5))
        subprocess.run(["pkill", "-KILL", "-s", str(process.pid)], check=False)  # the build and its workers
        process.send_signal(signal.SIGKILL)
        process.wait()
        site = snapshot(root / "site")
        assert site in (old_site, new_site), f"trial {trial}: site/ is a mix of old and new"
        outcomes["old" if site == old_site else "new"] += 1
        for name, data in snapshot(root / "content").items():
            assert data in (old_notes.get(name), new_notes.get(name)), f"trial {trial}: {name} is neither"
        assert run_cli(root, "build", "--jobs", "2") == 0
        assert snapshot(root / "site") == new_site
        assert snapshot(root / "content") == new_notes
        shutil.rmtree(root)
    print(f"killed builds left: {outcomes}")
