"""What the selection options ask for, as one value (``filter``, ``chart``, ``export``,
``skills``, ``list``); :func:`techpay.core.queries.select` applies it. A module of its own,
importing nothing, so that ``list --json`` can name a selection without loading the queries.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

# The selection options whose parameter is named otherwise than the field it sets.
_FIELDS = {"skill": "skills", "cluster": "clusters"}


class Selection:
    """What the selection options ask for (``filter``, ``chart``, ``export``, ``skills``,
    ``list``): the criteria a role must meet, the order, and how many to keep."""

    __slots__ = (
        "clusters",
        "limit",
        "max_salary",
        "min_salary",
        "reverse",
        "skills",
        "sort",
        "text",
    )

    def __init__(
        self,
        *,
        min_salary: int | None = None,
        max_salary: int | None = None,
        skills: Sequence[str] | None = None,
        clusters: Sequence[str] | None = None,
        text: str | None = None,
        sort: str = "rank",
        reverse: bool = False,
        limit: int | None = None,
    ) -> None:
        self.min_salary = min_salary
        self.max_salary = max_salary
        self.skills = list(skills or [])
        self.clusters = list(clusters or [])
        self.text = text
        self.sort = sort
        self.reverse = reverse
        self.limit = limit

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Selection:
        """What a command's selection options ask for, by the names of its parameters
        (``--skill`` is ``skill``); an option that selects nothing is a TypeError."""
        return cls(**{_FIELDS.get(name, name): value for name, value in options.items()})

    def narrows(self) -> bool:
        """Whether any criterion leaves roles out (the order and the limit aside)."""
        criteria = (self.min_salary, self.max_salary, self.text)
        return self.skills != [] or self.clusters != [] or criteria != (None, None, None)
