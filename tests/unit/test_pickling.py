"""The site's records survive the trip to a worker process or a cache file unchanged."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest

from builder.notes.note import Note
from builder.pickling import fast_pickle
from builder.publish.gather import Card, Entity, Ref, TimelineRow


def test_records_round_trip_through_pickle_with_every_field() -> None:
    ref = Ref("people", "joan-carter", "Joan Carter", "mayor", ("Carter",))
    records = [
        ref,
        Card("budget", "Budget agreed", date(2026, 2, 1), "Council agrees.", ("politics",)),
        Entity(
            "people", "joan-carter", "Joan Carter", ("Carter",), ("mayor",), ("budget",), {"budget": "mayor"}, (ref,)
        ),
        TimelineRow("2026-02-01", "day", "Vote", "occurred", "on 1 February", False, "budget", "p2"),
        Note(
            "content/budget.md", "budget", "Budget", None, "", "Text.\n", {"title": "Budget"}, draft=True, links=("x",)
        ),
    ]
    for record in records:
        copy = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(copy) is type(record) and copy == record
        assert dataclasses.astuple(copy) == dataclasses.astuple(record)
    # objects shared between records stay shared (the pickle memo still applies)
    entity = pickle.loads(pickle.dumps([ref, records[2]]))
    assert entity[1].co_mentions[0] is entity[0]


def test_fast_pickle_refuses_a_class_it_cannot_rebuild() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    with pytest.raises(TypeError, match="set by __init__"):
        fast_pickle(Derived)
