"""A tờ trình's years against the record across years: filled where the clerk left them out, refused where
the clerk typed otherwise than the record.

For each proposal the record's current outcomes of the award's years (generator/commendation: the rules of
the tờ trình's date) are found for its subject — a member by the card (``so_the_dang_vien``) or else the
name, an organisation by its code (``ma_to_chuc``) or else the name — only when exactly one recorded person
or organisation answers; several answering is said (write the card or the code), never guessed. A year the
record holds and ``ket_qua`` lacks is added from it (and said); a typed level, tiêu biểu or score that differs
from the recorded one is an error naming both. The form registry calls ``from_record`` between validation
and evaluation (generator/forms.py ``recorded``); a record that does not exist yet is no record.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from ..errors import InputError, Problem, json_path
from ..evaluate.commendation import catalogue, era_on
from ..vietnamese import so
from .identity import card_key, name_key
from .records import HistoryError, score_number

# SQLAlchemy (models, show) is imported only once a record exists: validating a tờ trình without one
# costs what it did before the record (tests/test_startup.py).

LEVEL, TIEU_BIEU, SCORE = "Mức xếp loại", "Được công nhận tiêu biểu", "Điểm tự chấm"


class _Subjects:
    """Finds the recorded people or organisations a tờ trình's proposals may be, in one session; the
    organisations by name (the record keeps no key of their names) are read once for all the proposals."""

    def __init__(self, session):
        self.session, self._by_name = session, None

    def __call__(self, recipient: str, proposal: dict) -> tuple[list, str]:
        if recipient == "dang_vien" or proposal.get("ma_to_chuc"):
            return _subjects(self.session, recipient, proposal)
        if self._by_name is None:
            from sqlalchemy import select

            from .models import Organisation

            self._by_name = {}
            for org in self.session.scalars(select(Organisation).order_by(Organisation.id)):
                self._by_name.setdefault(name_key(org.ten), []).append(org)
        return self._by_name.get(name_key(proposal["ten"]), []), "tên"


def _subjects(session, recipient: str, proposal: dict) -> tuple[list, str]:
    """A member by card or name, an organisation by its code."""
    from sqlalchemy import select

    from .models import Organisation, Person

    if recipient == "dang_vien":
        if proposal.get("so_the_dang_vien"):
            card = card_key(proposal["so_the_dang_vien"])
            return list(session.scalars(select(Person).where(Person.so_the_chuan == card))), "số thẻ"
        return list(session.scalars(select(Person).where(Person.ho_ten_chuan == name_key(proposal["ten"])))), "họ tên"
    found = list(session.scalars(select(Organisation).where(Organisation.ma == proposal["ma_to_chuc"])))
    return found, "mã tổ chức"


def _outcomes(session, subject, years: list[int]) -> dict:
    from sqlalchemy import select

    from .models import Outcome, Person

    column = Outcome.person_id if isinstance(subject, Person) else Outcome.organisation_id
    rows = session.scalars(
        select(Outcome).where(column == subject.id, Outcome.nam.in_(years), Outcome.replaced_at.is_(None))
    )
    return {o.nam: o for o in rows}


def _source(outcome) -> str:
    return f"hồ sơ xếp loại: {outcome.place}, ghi ngày {outcome.run.recorded_at.strftime('%d/%m/%Y')}"


def _compare(where: list, row: dict, outcome, subject: str) -> list[Problem]:
    """What the typed year says otherwise than the record. Tiêu biểu typed "không" where the record holds
    "có" is not one: validation makes an untyped tiêu biểu "không", so the caller takes the record's."""
    from .show import label

    year, found = outcome.nam, []
    if row["xep_loai"] != outcome.level:
        typed = label(outcome.regime, subject, row["xep_loai"])
        recorded = label(outcome.regime, subject, outcome.level)
        found.append(
            Problem(
                json_path(where + ["xep_loai"]),
                LEVEL,
                f"năm {year} ghi “{typed}” ({row['xep_loai']}), {_source(outcome)} ghi “{recorded}” ({outcome.level})",
            )
        )
    if outcome.tieu_bieu is False and row.get("tieu_bieu"):
        found.append(
            Problem(
                json_path(where + ["tieu_bieu"]),
                TIEU_BIEU,
                f"năm {year} ghi được công nhận tiêu biểu, {_source(outcome)} ghi không được công nhận tiêu biểu",
            )
        )
    recorded_score = score_number(outcome.score)
    if recorded_score is not None and row.get("diem") is not None and Decimal(str(row["diem"])) != outcome.score:
        found.append(
            Problem(
                json_path(where + ["diem"]),
                SCORE,
                f"năm {year} ghi {so(row['diem'])} điểm, {_source(outcome)} ghi {so(recorded_score)} điểm",
            )
        )
    return found


def _row(outcome) -> dict:
    row = {"nam": outcome.nam, "xep_loai": outcome.level}
    if outcome.tieu_bieu is not None:
        row["tieu_bieu"] = outcome.tieu_bieu
    if outcome.score is not None:
        row["diem"] = score_number(outcome.score)
    return row


def from_record(document: dict, target) -> tuple[dict, list[Problem], list[str]]:
    """The tờ trình with the record's years added, what disagrees with the record, and what was done."""
    if target is None or not target.exists():
        return document, [], []
    era = era_on(dt.date.fromisoformat(document["ngay_lap"]))
    if era is None:
        return document, [], []  # the evaluation says why there are no rules
    from .store import open_store

    awards, year = catalogue(era), int(document["nam"])
    document = copy.deepcopy(document)
    problems: list[Problem] = []
    notes: list[str] = []
    try:
        with open_store(target) as store, store.session() as session:
            subjects = _Subjects(session)
            for i, proposal in enumerate(document["de_nghi"]):
                award = awards.get(proposal["hinh_thuc"])
                if award is None:
                    continue  # the evaluation names the unknown award
                subject = "ca_nhan" if award["recipient"] == "dang_vien" else "to_chuc"
                found, how = subjects(award["recipient"], proposal)
                if len(found) > 1:
                    asks = "số thẻ đảng viên (so_the_dang_vien)" if subject == "ca_nhan" else "mã tổ chức (ma_to_chuc)"
                    notes.append(
                        f"Đề nghị {i + 1} (“{proposal['ten']}”): hồ sơ xếp loại có {len(found)} nơi cùng {how}; "
                        f"chưa đối chiếu kết quả các năm — ghi {asks} để đối chiếu."
                    )
                    continue
                if not found:
                    continue
                years = list(range(year - award["years"] + 1, year + 1))
                recorded = _outcomes(session, found[0], years)
                typed = {row["nam"]: k for k, row in enumerate(proposal["ket_qua"])}
                added = []
                for y, outcome in sorted(recorded.items()):
                    if y in typed:
                        where, row = ["de_nghi", i, "ket_qua", typed[y]], proposal["ket_qua"][typed[y]]
                        problems += _compare(where, row, outcome, subject)
                        if outcome.tieu_bieu and not row.get("tieu_bieu"):
                            row["tieu_bieu"] = True
                            notes.append(
                                f"Đề nghị {i + 1} (“{proposal['ten']}”): năm {y} được công nhận tiêu biểu, "
                                f"theo hồ sơ xếp loại ({target.shown})."
                            )
                    else:
                        proposal["ket_qua"].append(_row(outcome))
                        added.append(y)
                if added:
                    proposal["ket_qua"].sort(key=lambda row: row["nam"])
                    notes.append(
                        f"Đề nghị {i + 1} (“{proposal['ten']}”): kết quả năm {', '.join(map(str, added))} "
                        f"lấy từ hồ sơ xếp loại ({target.shown})."
                    )
    except HistoryError as error:
        raise InputError([Problem("--history", "Hồ sơ xếp loại qua các năm", str(error))]) from None
    return document, problems, notes
