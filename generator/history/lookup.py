"""One member's years before, from the record across years: what the web app's form shows beside the
bản tự kiểm điểm being written (web/past.py).

The member is found by the record's own identity rules (``store.People.match``: the card number, or the
name with a date both know), never by a guess: a name two recorded people match, a namesake with no date
to compare or a card recorded for another name gives no years, only why. The đảng bộ page's chi bộ are
found by their đảng bộ and code (``organisation_years``). Reading creates nothing: a SQLite record that
does not exist yet is not made.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .location import Target
from .records import HistoryError, MemberRow, score_number
from .show import label

NO_RECORD = "Chưa có hồ sơ xếp loại: kiemdiem bulk ghi kết quả mỗi năm; kiemdiem history import nhập các năm trước."
NOT_FOUND = "Hồ sơ xếp loại chưa có đảng viên này (họ tên và ngày hoặc số thẻ chưa khớp với ai)."
MORE = "ghi thêm ngày sinh, ngày vào Đảng hoặc số thẻ đảng viên"
WHY = {
    "the_khac": "Số thẻ đảng viên này đã ghi trong hồ sơ với họ tên hoặc ngày khác: kiểm tra lại số thẻ và ngày.",
    "cach_viet": "Họ tên khác cách viết (khoảng trắng, chữ hoa, chữ thường) với người trong hồ sơ: ghi họ tên như trong hồ sơ.",
    "nhieu_nguoi": f"Có nhiều người trong hồ sơ cùng họ tên và ngày này: {MORE} để biết là ai.",
    "khong_ngay": f"Hồ sơ có người cùng họ tên nhưng chưa có ngày nào để so: {MORE}.",
}


def member_years(target: Target, member: MemberRow, before: int | None) -> dict:
    """``{"ket_qua": [...], "ly_do": …}``: the member's current outcomes of the years before ``before`` (all
    years when None), oldest first, each {nam, level, level_label, score, chi_bo, dang_bo}; ``ly_do`` says
    why the list is empty (None when it is not), ``can_ghi_them`` whether the form should say it: the record
    knows someone of that name but cannot tell who without another date or the card (or its spelling).
    ``HistoryError`` when the record cannot be read."""
    if not target.exists():  # reading creates nothing
        return {"ket_qua": [], "ly_do": NO_RECORD, "can_ghi_them": False}
    from .models import Outcome
    from .store import People, open_store

    with open_store(target) as store:
        try:
            with store.session() as session:
                person, kind = People(session, [member]).match(member)
                if person is None:
                    return {"ket_qua": [], "ly_do": WHY.get(kind, NOT_FOUND), "can_ghi_them": kind in WHY}
                query = select(Outcome).where(Outcome.person_id == person.id, Outcome.replaced_at.is_(None))
                if before is not None:
                    query = query.where(Outcome.nam < before)
                found = [
                    {
                        "nam": o.nam,
                        "level": o.level,
                        "level_label": label(o.regime, "ca_nhan", o.level),
                        "score": score_number(o.score),
                        "chi_bo": o.chi_bo_ten,
                        "dang_bo": o.dang_bo,
                    }
                    for o in session.scalars(query.order_by(Outcome.nam))
                ]
        except SQLAlchemyError as error:
            reason = " ".join(str(getattr(error, "orig", None) or error).split())[:300]
            raise HistoryError(f"không đọc được hồ sơ xếp loại {target.shown}: {reason}") from None
    if not found:
        shown = f"trước năm {before}" if before is not None else "nào"
        return {
            "ket_qua": [],
            "ly_do": f"Hồ sơ xếp loại chưa có kết quả {shown} của đảng viên này.",
            "can_ghi_them": False,
        }
    return {"ket_qua": found, "ly_do": None, "can_ghi_them": False}


def organisation_years(target: Target, dang_bo: str, codes: list[str], before: int | None) -> dict[str, list[dict]]:
    """Each organisation of ``dang_bo`` (its name compared spaces and case aside) by its code: its current
    outcomes of the years before ``before``, oldest first, each {nam, level, level_label, score}; codes the
    record has nothing of are left out. Reading creates nothing; ``HistoryError`` when it cannot be read."""
    wanted = sorted({c for c in codes if c})
    if not wanted or (not target.exists()):
        return {}
    from .identity import name_key
    from .models import Organisation, Outcome
    from .store import open_store

    found: dict[str, list[dict]] = {}
    with open_store(target) as store:
        try:
            with store.session() as session:
                query = (
                    select(Organisation.ma, Outcome)
                    .join(Outcome, Outcome.organisation_id == Organisation.id)
                    .where(
                        Organisation.dang_bo_chuan == name_key(dang_bo),
                        Organisation.ma.in_(wanted),
                        Outcome.replaced_at.is_(None),
                    )
                )
                if before is not None:
                    query = query.where(Outcome.nam < before)
                for ma, o in session.execute(query.order_by(Outcome.nam)):
                    found.setdefault(ma, []).append(
                        {
                            "nam": o.nam,
                            "level": o.level,
                            "level_label": label(o.regime, "to_chuc", o.level),
                            "score": score_number(o.score),
                        }
                    )
        except SQLAlchemyError as error:
            reason = " ".join(str(getattr(error, "orig", None) or error).split())[:300]
            raise HistoryError(f"không đọc được hồ sơ xếp loại {target.shown}: {reason}") from None
    return found
