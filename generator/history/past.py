"""The years before, from the record across years: what a bulk run prints beside this year's levels.

For each member a bulk run classifies, the record's outcomes of the two years before, found by the
record's own identity rules (``store.People.known``: the card number, or the name with a date both
know; never a guess between two people, nor a name spelled otherwise), and the level counts of the
đảng bộ's members and organisations the year before. What it marks (past-levels.yaml) are lines for
the chi bộ to consider, never a level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select

from ..resources import shipped_yaml
from .identity import name_key
from .models import Outcome
from .records import NOT_RATED, MemberRow, parse_day
from .show import label


@cache
def rules() -> dict:
    return shipped_yaml(Path(__file__).with_name("past-levels.yaml"))


@dataclass(frozen=True)
class Flagged:
    """A member the rules of past-levels.yaml point out to the chi bộ, for the report's list."""

    ho_ten: str
    chi_bo: str
    years: tuple[int, ...]
    level_label: str


def _years(years) -> str:
    """ "(2024, 2025)"."""
    return "(" + ", ".join(str(y) for y in years) + ")"


class PastLevels:
    """Reads the record for one bulk run: ``annotate`` a scope's members, ``counts`` of the year before."""

    def __init__(self, store, dang_bo: str, year: int, levels: list[tuple[str, str]]):
        """``store``: the record as the run's recorder opened it (store.open_store), read in a session of its own."""
        self.session = store.session()
        self.dang_bo, self.year = dang_bo, int(year)
        self.codes = [code for code, _ in levels]

    def close(self) -> None:
        """Ends the reading before the recording writes (the store is the recorder's to close)."""
        self.session.close()

    def annotate(self, rows: list[dict]) -> list[Flagged]:
        """``_annotate`` in a read that ends with it: on SQLite a transaction holds the record's lock (BEGIN
        IMMEDIATE, store._engine), which a run's whole length would keep from every other writer."""
        try:
            return self._annotate(rows)
        finally:
            self.session.rollback()

    def _annotate(self, rows: list[dict]) -> list[Flagged]:
        """Give each row with a final level the notes the years before call for (``past_notes``: a change of
        more than ``steps_marked`` levels since the year before, the lowest level ``years`` running); return
        the members at the lowest level those years, for the report."""
        from .store import People, chunks

        wanted = [(row, self._member(row)) for row in rows if row.get("level") and row.get("quota") != "tie"]
        if not wanted:
            return []
        people = People(self.session, [m for _, m in wanted])
        found = {id(row): people.known(member) for row, member in wanted}
        ids = {p.id for p in found.values() if p is not None}
        lowest = rules()["two_years_lowest"]
        earlier = [self.year - k for k in range(1, max(2, lowest["years"]))]  # the year before, at least
        past: dict[int, dict[int, Outcome]] = {}
        for chunk in chunks(sorted(ids)):
            for outcome in self.session.scalars(
                select(Outcome).where(
                    Outcome.person_id.in_(chunk), Outcome.nam.in_(earlier), Outcome.replaced_at.is_(None)
                )
            ):
                past.setdefault(outcome.person_id, {})[outcome.nam] = outcome
        flagged = []
        for row, _ in wanted:
            person = found[id(row)]
            years = past.get(person.id, {}) if person is not None else {}
            before = years.get(self.year - 1)
            if before is None:
                continue
            before_label = label(before.regime, "ca_nhan", before.level)
            notes = []
            steps = self._steps(before.level, row["level"])
            if steps is not None and steps > rules()["steps_marked"]:
                notes.append(f"Năm {before.nam}: “{before_label}” (thay đổi {steps} mức)")
            running = earlier[: lowest["years"] - 1]
            if row["level"] == lowest["level"] and all(
                y in years and years[y].level == lowest["level"] for y in running
            ):
                chain = (*sorted(running), self.year)
                notes.append(lowest["note"].format(years=_years(chain), label=row["level_label"]))
                flagged.append(Flagged(row["ho_ten"], row["chi_bo"], chain, row["level_label"]))
            if notes:
                row["past_notes"] = notes
        return flagged

    @staticmethod
    def rule_text() -> str:
        """What the rule on two years at the lowest level says, for the report (past-levels.yaml)."""
        return " ".join(rules()["two_years_lowest"]["says"].split())

    def _steps(self, before: str, now: str) -> int | None:
        if before == NOT_RATED or before not in self.codes or now not in self.codes:
            return None
        return abs(self.codes.index(before) - self.codes.index(now))

    @staticmethod
    def _member(row: dict) -> MemberRow:
        return MemberRow(
            row["ho_ten"],
            parse_day(row.get("ngay_sinh")),
            parse_day(row.get("ngay_vao_dang")),
            row.get("so_the"),
            None,
            None,
        )

    def counts(self) -> dict | None:
        try:
            return self._counts()
        finally:
            self.session.rollback()  # as annotate: the read ends here

    def _counts(self) -> dict | None:
        """The đảng bộ's members and organisations per level code the year before (current outcomes), or
        None when the record has none of that year for this đảng bộ (its name compared spaces and case aside)."""
        key = name_key(self.dang_bo)
        names = [
            n
            for n in self.session.scalars(select(Outcome.dang_bo).where(Outcome.nam == self.year - 1).distinct())
            if name_key(n) == key
        ]
        if not names:
            return None
        members, organisations = Counter(), Counter()
        for person_id, level in self.session.execute(
            select(Outcome.person_id, Outcome.level).where(
                Outcome.nam == self.year - 1, Outcome.dang_bo.in_(names), Outcome.replaced_at.is_(None)
            )
        ):
            (members if person_id is not None else organisations)[level] += 1
        return {"nam": self.year - 1, "members": dict(members), "organisations": dict(organisations)}
