"""The one protocol every evaluation result keeps (member, organisation, chi bộ list, ballot, tally,
residence comment, commendation): the CLI prints ``lines()``, ``validate`` its ``summary()``, the JSON
of ``classify --json`` and the web page is ``as_dict()``; ``problems`` are what it found but could
still compute (a proposal above what the rules allow), which stop a document from printing."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..errors import Problem


@runtime_checkable
class Result(Protocol):
    problems: list[Problem]

    def summary(self) -> str:
        """One line: what was found (``kiemdiem validate``)."""

    def lines(self) -> list[str]:
        """Every line ``kiemdiem classify`` prints, in Vietnamese."""

    def as_dict(self) -> dict:
        """The JSON shape of ``kiemdiem classify --json``."""
