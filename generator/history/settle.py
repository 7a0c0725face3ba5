"""What the clerk decides when the record would not guess (``kiemdiem history rename`` and ``merge``).

The record never merges people by itself: a name written otherwise than recorded, or two recorded people
who are one, is reported (store.People). The clerk then says which is right: ``rename`` sets a person's
recorded name (the next run that writes it so is matched), ``merge`` makes two recorded people one (their
outcomes, replaced ones too, under the kept person; dates and card the kept one lacks taken from the other, a
date typed otherwise dropped and said). Each is one transaction; what would break the record's rules (two
outcomes of one year, two card numbers, a name another person holds) is refused with the reason, and nothing
is changed. ``recognise`` records the competent committee's decision that organisations rated at the top
level are "tiêu biểu" (after the review, so a bulk run does not know it): the year's outcome is replaced by
the same with tiêu biểu, the decision its source — the evidence ``awards propose`` then shows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .. import __version__
from ..evaluate.regime import load_regime
from .identity import clean, name_key
from .models import Organisation, Outcome, Person, Run
from .records import RECOGNISED, HistoryError, shown_day
from .show import label
from .store import WRITE_LOCK


def _who(person: Person) -> str:
    facts = [
        f"sinh {shown_day(person.ngay_sinh)}" if person.ngay_sinh else "",
        f"thẻ số {person.so_the_dang_vien}" if person.so_the_dang_vien else "",
    ]
    shown = ", ".join(f for f in facts if f)
    return f"“{person.ho_ten}” (mã {person.id}{', ' + shown if shown else ''})"


def _person(session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise HistoryError(f"không có đảng viên mã {person_id} trong hồ sơ xếp loại (xem kiemdiem history show --json)")
    return person


def _transaction(store, work) -> str:
    try:
        with store.session() as session:
            if session.bind.dialect.name == "postgresql":
                session.connection().exec_driver_sql(f"select pg_advisory_xact_lock({WRITE_LOCK})")
            done = work(session)
            session.commit()
            return done
    except SQLAlchemyError as error:
        raise HistoryError(
            f"không sửa được hồ sơ xếp loại {store.target.shown}: {error.__class__.__name__}; hồ sơ giữ nguyên"
        ) from None


def rename(store, person_id: int, ho_ten: str) -> str:
    """Set the recorded name of ``person_id`` (NFC, as typed); refused when another person with that name
    shares a date with this one (they may be one: ``merge``)."""
    typed = clean(ho_ten)
    if not typed:
        raise HistoryError("họ tên mới để trống")

    def work(session) -> str:
        person = _person(session, person_id)
        if person.ho_ten == typed:
            return f"{_who(person)}: họ tên đã ghi như vậy, không đổi"
        for other in session.scalars(
            select(Person).where(Person.ho_ten_chuan == name_key(typed), Person.id != person.id)
        ):
            shared = (other.ngay_sinh and other.ngay_sinh == person.ngay_sinh) or (
                other.ngay_vao_dang and other.ngay_vao_dang == person.ngay_vao_dang
            )
            if shared:
                raise HistoryError(
                    f"hồ sơ đã có {_who(other)} cùng họ tên và cùng ngày với {_who(person)}: nếu là một người, "
                    f"dùng kiemdiem history merge --giu {other.id} --gop {person.id}"
                )
        before = person.ho_ten
        person.ho_ten, person.ho_ten_chuan = typed, name_key(typed)
        return f"đảng viên mã {person.id}: họ tên “{before}” sửa thành “{typed}”"

    return _transaction(store, work)


def merge(store, keep_id: int, drop_id: int) -> str:
    """Make ``drop_id`` one with ``keep_id``: every outcome of the one under the other, the kept one's dates
    where they disagree (said); refused when both have a current outcome of one year or two cards."""
    if keep_id == drop_id:
        raise HistoryError("--giu và --gop là cùng một mã")

    def work(session) -> str:
        keep, drop = _person(session, keep_id), _person(session, drop_id)
        if keep.so_the_chuan and drop.so_the_chuan and keep.so_the_chuan != drop.so_the_chuan:
            raise HistoryError(
                f"{_who(keep)} và {_who(drop)} có hai số thẻ đảng viên khác nhau: không gộp (hai người khác nhau); "
                "nếu một số thẻ ghi sai, ghi lại năm đó với số đúng"
            )
        # A date typed wrong once made the record take the row for someone else: the kept person's dates stay.
        dropped_dates = [
            f"{what} {shown_day(b)} (của mã {drop.id})"
            for what, a, b in (
                ("ngày sinh", keep.ngay_sinh, drop.ngay_sinh),
                ("ngày vào Đảng", keep.ngay_vao_dang, drop.ngay_vao_dang),
            )
            if a and b and a != b
        ]
        current = select(Outcome.nam).where(Outcome.replaced_at.is_(None))
        both = sorted(
            set(session.scalars(current.where(Outcome.person_id == keep.id)))
            & set(session.scalars(current.where(Outcome.person_id == drop.id)))
        )
        if both:
            years = ", ".join(map(str, both))
            raise HistoryError(
                f"{_who(keep)} và {_who(drop)} cùng có kết quả năm {years}: một người chỉ một kết quả mỗi năm; "
                "ghi lại năm đó cho đúng người (kiemdiem bulk hoặc history import) rồi gộp"
            )
        moved = 0
        for outcome in session.scalars(select(Outcome).where(Outcome.person_id == drop.id)):
            outcome.person_id = keep.id
            moved += 1
        card = (drop.so_the_dang_vien, drop.so_the_chuan)
        keep.ngay_sinh, keep.ngay_vao_dang = keep.ngay_sinh or drop.ngay_sinh, keep.ngay_vao_dang or drop.ngay_vao_dang
        dropped = _who(drop)
        session.delete(drop)
        session.flush()  # the card is free before the kept person takes it
        if keep.so_the_chuan is None and card[1]:
            keep.so_the_dang_vien, keep.so_the_chuan = card
        kept = f"; bỏ {', '.join(dropped_dates)}, giữ ngày của mã {keep.id}" if dropped_dates else ""
        return f"{dropped} gộp vào {_who(keep)}: {moved} kết quả chuyển sang{kept}"

    return _transaction(store, work)


_KEPT = ("id", "run_id", "place", "tieu_bieu", "replaced_at", "replaced_by")


def recognise(store, nam: int, dang_bo: str | None, codes: list[str], decision: str) -> str:
    """Mark the organisations ``codes`` of ``dang_bo`` (the only one recorded that year when None) "tiêu biểu"
    in ``nam``, by ``decision`` (its number and date, as printed); every problem listed, nothing changed."""
    decision = clean(decision)
    if not decision:
        raise HistoryError("--quyet-dinh để trống: ghi số, ngày của quyết định công nhận tiêu biểu")

    def work(session) -> str:
        recorded = {}  # one đảng bộ however its name was spaced or cased: as first recorded
        for key, name in session.execute(
            select(Organisation.dang_bo_chuan, Organisation.dang_bo).order_by(Organisation.id)
        ):
            recorded.setdefault(key, name)
        names = [n for k, n in recorded.items() if dang_bo is None or k == name_key(dang_bo)]
        recorded = sorted(recorded.values())
        if len(names) != 1:
            shown = "; ".join(f"“{n}”" for n in recorded) or "chưa có"
            need = "ghi --dang-bo" if dang_bo is None and names else f"không có “{dang_bo}”" if dang_bo else "chưa có"
            raise HistoryError(f"đảng bộ nào? {need} (hồ sơ có: {shown})")
        key, problems, done = name_key(names[0]), [], []
        when = dt.datetime.now(dt.timezone.utc)
        run = Run(recorded_at=when, kind=RECOGNISED, source=decision, input_sha256=None, kiemdiem_version=__version__)
        run.nam, run.dang_bo = nam, names[0]
        session.add(run)
        session.flush()
        for code in codes:
            org = session.scalar(select(Organisation).where(Organisation.dang_bo_chuan == key, Organisation.ma == code))
            if org is None:
                problems.append(f"mã tổ chức “{code}”: không có trong hồ sơ của {names[0]}")
                continue
            current = session.scalar(
                select(Outcome).where(
                    Outcome.organisation_id == org.id, Outcome.nam == nam, Outcome.replaced_at.is_(None)
                )
            )
            if current is None:
                problems.append(f"{org.ten} (mã {code}): chưa có kết quả năm {nam} trong hồ sơ")
                continue
            top, top_label = load_regime(current.regime).subject("to_chuc").levels[0]
            if current.level != top:
                rated = label(current.regime, "to_chuc", current.level)
                problems.append(
                    f"{org.ten} (mã {code}) năm {nam} xếp loại “{rated}”: chỉ tổ chức đạt “{top_label}” "
                    "mới được công nhận tiêu biểu"
                )
                continue
            if current.tieu_bieu:
                done.append(f"{org.ten}: đã ghi tiêu biểu")
                continue
            values = {c.name: getattr(current, c.name) for c in Outcome.__table__.columns if c.name not in _KEPT}
            new = Outcome(run_id=run.id, place=f"{org.ten} (mã {code})", tieu_bieu=True, **values)
            current.replaced_at = when
            session.flush()
            session.add(new)
            session.flush()
            current.replaced_by = new.id
            done.append(f"{org.ten}: tiêu biểu năm {nam}")
        if problems:
            raise HistoryError("; ".join(problems) + " — chưa ghi tổ chức nào")
        return f"theo {decision}: " + "; ".join(done)

    return _transaction(store, work)
