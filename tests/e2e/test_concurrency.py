"""Two commands at once: one build at a time, and neither corrupts the other."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.lock import LockedError, project_lock
from tests.conftest import REPO, run_cli, snapshot

MakeProject = Callable[..., Path]


def seeds(count: int) -> dict[str, str]:
    return {
        f"s{i:03}.txt": f"Council Approves Plan {i}\n\nThe council of Town {i} approved plan {i} on Monday.\n\n"
        f'"It is a good plan," said Mayor Ann Lee {i}.\n'
        for i in range(count)
    }


def test_a_second_build_waits_for_the_first_and_both_succeed(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project(seeds=seeds(60))
    command = [sys.executable, "-m", "builder", "-C", str(root), "build", "--jobs", "1"]
    first = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)
    second = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    _, err = first.communicate(timeout=120)
    assert (first.returncode, second.returncode) == (0, 0), (err, second.stderr)
    assert "Traceback" not in err + second.stderr
    clean = make_project("clean", seeds=seeds(60))
    assert run_cli(clean, "build") == 0
    assert snapshot(root / "site") == snapshot(clean / "site")
    assert snapshot(root / "content").keys() == snapshot(clean / "content").keys()


def test_a_build_that_cannot_get_the_lock_says_who_holds_it(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(seeds=seeds(1), sample=False)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from builder.lock import project_lock\n"
         "with project_lock(__import__('pathlib').Path(sys.argv[1])):\n print('held', flush=True); time.sleep(60)",
         str(root / ".briefgen")],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        expected = rf"another briefgen \(pid {holder.pid}\) is building this project"
        with pytest.raises(LockedError, match=expected), project_lock(root / ".briefgen", wait=0.3):
            pass
    finally:
        holder.kill()
        holder.communicate()
    # The kernel released the killed holder's lock: the next build goes ahead at once.
    assert run_cli(root, "build") == 0
