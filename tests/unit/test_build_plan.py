"""The build decides first, then acts: `plan_build` is the whole decision."""

from __future__ import annotations

import pytest

from builder.build import InputState, Step, plan_build


def state(*, first: bool = False, same: bool = False, complete: bool = False, present: bool = False) -> InputState:
    return InputState(first=first, same_inputs=same, site_complete=complete, site_present=present)


@pytest.mark.parametrize(
    ("force", "told", "inputs", "steps"),
    [
        (True, False, state(same=True, complete=True, present=True), (Step.FULL,)),
        (False, True, None, (Step.BODIES,)),
        (False, False, state(first=True), (Step.FULL,)),
        (False, False, state(same=True, complete=True, present=True), (Step.NOTHING,)),
        (False, False, state(same=True, present=True), (Step.RESTORE, Step.FULL)),
        (False, False, state(same=True), (Step.RESTORE, Step.FULL)),
        (False, False, state(present=True, complete=True), (Step.BODIES, Step.FULL)),
        (False, False, state(), (Step.FULL,)),
    ],
)
def test_each_situation_has_one_plan_with_a_reason(
    force: bool, told: bool, inputs: InputState | None, steps: tuple[Step, ...]
) -> None:
    plan = plan_build(force=force, told=told, state=inputs)
    assert plan.steps == steps
    assert plan.reason and plan.describe().startswith(steps[0].value)
