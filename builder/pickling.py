"""Faster pickling for the frozen, slotted dataclasses a build sends between processes and caches.

Such a class pickles through `dataclasses`' generic `__getstate__`, which looks up the class's
fields for every object: for the site's refs, cards, entities and notes that is most of the time
spent pickling pages for the render workers, the notes cache and the quick-rebuild store.
`fast_pickle` gives the class a `__reduce__` that reads the fields in one C call; unpickling calls
the class with them, so the object is rebuilt exactly as it was constructed.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickle(cls: type[T]) -> type[T]:
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2 or not all(field.init for field in dataclasses.fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: fast_pickle needs two or more fields, all set by __init__")
    values = operator.attrgetter(*names)

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls
