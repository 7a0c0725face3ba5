"""``kiemdiem history show``: the record of a member, a chi bộ or a year, in Vietnamese or as JSON.

Levels are printed by their names under the year's own rules ("Đủ tư cách, hoàn thành xuất sắc nhiệm vụ"
in 2012, "Hoàn thành xuất sắc nhiệm vụ" from 2014), years in order. Only current outcomes are shown; with
``corrections`` also the ones a later recording of the same year replaced.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from ..evaluate.regime import load_regime
from ..present.names import name_key as order_key
from ..vietnamese import so
from .identity import card_key, name_key
from .models import Organisation, Outcome, Person, Run
from .records import HOW_RECORDED, NOT_RATED, Positions, score_number
from .store import chunks

QUOTA_WORDS = {"cut": "xếp xuống do vượt tỷ lệ", "selected": "trong tỷ lệ"}


@cache
def label(regime: str, subject: str, code: str) -> str:
    try:
        rules = load_regime(regime).subject(subject)
    except (KeyError, ValueError, OSError):
        return code
    return rules["not_rated_label"] if code == NOT_RATED else rules.label(code)


def _day(value) -> str | None:
    return value.strftime("%d/%m/%Y") if value else None


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _outcome_dict(o: Outcome, subject: str) -> dict:
    positions = (
        {"vi_tri": {key: getattr(o, key) for key in Positions.FIELDS}} if subject == "ca_nhan" else {}
    )  # a member's positions that year (None where the list gave none)
    return {
        "id": o.id,
        "nam": o.nam,
        "level": o.level,
        "level_label": label(o.regime, subject, o.level),
        "score": score_number(o.score),
        "tieu_bieu": o.tieu_bieu,
        "quota": o.quota,
        "regime": o.regime,
        "profile": o.profile,
        "ten": o.ten,
        "dang_bo": o.dang_bo,
        "to_chuc_co_so": {"ma": o.to_chuc_co_so_ma, "ten": o.to_chuc_co_so_ten},
        "chi_bo": {"ma": o.chi_bo_ma, "ten": o.chi_bo_ten},
        "source": {
            "run": o.run_id,
            "kind": o.run.kind,
            "file": o.run.source,
            "place": o.place,
            "recorded_at": o.run.recorded_at.isoformat() if o.run.recorded_at else None,
            "kiemdiem_version": o.run.kiemdiem_version,
            "input_sha256": o.run.input_sha256,
        },
        "replaced_at": o.replaced_at.isoformat() if o.replaced_at else None,
        "replaced_by": o.replaced_by,
        **positions,
    }


def _outcomes(session: Session, column, ids: list[int], corrections: bool, years: set[int] | None = None) -> dict:
    found: dict[int, list[Outcome]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        query = select(Outcome).options(joinedload(Outcome.run)).where(column.in_(ids[start : start + 500]))
        if not corrections:
            query = query.where(Outcome.replaced_at.is_(None))
        if years:
            query = query.where(Outcome.nam.in_(sorted(years)))
        for o in session.scalars(query):
            found[getattr(o, column.key)].append(o)
    for rows in found.values():
        rows.sort(key=lambda o: (o.nam, o.replaced_at is None, o.id))  # a year's replaced rows before its current one
    return found


def query(
    session: Session,
    ho_ten: str | None = None,
    so_the: str | None = None,
    chi_bo: str | None = None,
    nam: int | None = None,
    corrections: bool = False,
) -> dict:
    """The people and organisations a filter selects, each with its outcomes (the JSON ``show --json`` prints)."""
    people_q, orgs_q, years = select(Person), None, None
    if ho_ten:
        people_q = people_q.where(Person.ho_ten_chuan.contains(name_key(ho_ten), autoescape=True))
    if so_the:
        people_q = people_q.where(Person.so_the_chuan == card_key(so_the))
    if chi_bo:  # its code, or its name (spaces and case aside: compared here, not by the database's lower())
        key = name_key(chi_bo)
        names = [n for n in session.scalars(select(Outcome.chi_bo_ten).distinct()) if n and name_key(n) == key]
        where = or_(Outcome.chi_bo_ma == chi_bo.strip(), Outcome.chi_bo_ten.in_(names))
        people_q = people_q.where(Person.id.in_(select(Outcome.person_id).where(where)))
        orgs_q = select(Organisation).where(Organisation.id.in_(select(Outcome.organisation_id).where(where)))
    if nam is not None:
        years = {nam}
        people_q = people_q.where(Person.id.in_(select(Outcome.person_id).where(Outcome.nam == nam)))
        orgs_q = (orgs_q if orgs_q is not None else select(Organisation)).where(
            Organisation.id.in_(select(Outcome.organisation_id).where(Outcome.nam == nam))
        )
    people = list(session.scalars(people_q))
    organisations = list(session.scalars(orgs_q)) if orgs_q is not None else []
    by_person = _outcomes(session, Outcome.person_id, [p.id for p in people], corrections, years)
    by_org = _outcomes(session, Outcome.organisation_id, [o.id for o in organisations], corrections, years)
    people.sort(key=lambda p: (order_key(p.ho_ten), p.ngay_sinh or p.ngay_vao_dang or 0, p.id))
    organisations.sort(key=lambda o: (name_key(o.dang_bo), o.id))  # as first recorded: the tree's order
    return {
        "people": [_person_dict(p, by_person[p.id]) for p in people if by_person[p.id]],
        "organisations": [_organisation_dict(o, by_org[o.id]) for o in organisations if by_org[o.id]],
    }


def _person_dict(p: Person, outcomes: list[Outcome]) -> dict:
    return {
        "id": p.id,
        "ho_ten": p.ho_ten,
        "ngay_sinh": _iso(p.ngay_sinh),
        "ngay_vao_dang": _iso(p.ngay_vao_dang),
        "so_the_dang_vien": p.so_the_dang_vien,
        "outcomes": [_outcome_dict(o, "ca_nhan") for o in outcomes],
    }


def _organisation_dict(o: Organisation, outcomes: list[Outcome]) -> dict:
    return {
        "id": o.id,
        "ma": o.ma,
        "ten": o.ten,
        "loai": o.loai,
        "dang_bo": o.dang_bo,
        "outcomes": [_outcome_dict(x, "to_chuc") for x in outcomes],
    }


def overview(session: Session) -> list[dict]:
    """Without a filter: per year and đảng bộ, how many members and organisations are recorded."""
    rows = session.execute(
        select(Outcome.nam, Outcome.dang_bo, func.count(Outcome.person_id), func.count(Outcome.organisation_id))
        .where(Outcome.replaced_at.is_(None))
        .group_by(Outcome.nam, Outcome.dang_bo)
        .order_by(Outcome.nam, Outcome.dang_bo)
    )
    runs = session.scalar(select(func.count(Run.id)))
    return [
        {"nam": nam, "dang_bo": dang_bo, "dang_vien": members, "to_chuc": orgs, "runs": runs}
        for nam, dang_bo, members, orgs in rows
    ]


def _line(o: dict, unit: bool = True) -> str:
    extras = []
    if o["score"] is not None:
        extras.append(f"{so(o['score'])} điểm")
    if o["tieu_bieu"]:
        extras.append("tiêu biểu")
    if o["quota"] in QUOTA_WORDS and o["quota"] != "selected":
        extras.append(QUOTA_WORDS[o["quota"]])
    text = f"  {o['nam']}  {o['level_label']}" + (f" ({', '.join(extras)})" if extras else "")
    if unit:
        places = [o["chi_bo"]["ten"], o["to_chuc_co_so"]["ten"], o["dang_bo"]]
        text += " — " + ", ".join(dict.fromkeys(p for p in places if p))
    if o["replaced_at"]:
        text += f" [đã thay bằng bản ghi ngày {o['replaced_at'][8:10]}/{o['replaced_at'][5:7]}/{o['replaced_at'][:4]}]"
    return text


def _source(o: dict) -> str:
    src = o["source"]
    when = src["recorded_at"]
    shown = f"{when[8:10]}/{when[5:7]}/{when[:4]}" if when else ""
    how = HOW_RECORDED.get(src["kind"], src["kind"])
    return f"        nguồn: {how} {src['file']}, {src['place']} (ghi ngày {shown})"


def lines(found: dict, sources: bool) -> list[str]:
    """The record in Vietnamese: each organisation, then each member, with one line per year."""
    out = []
    for org in found["organisations"]:
        out.append(f"{org['ten']} (mã {org['ma']}) — {org['dang_bo']}")
        for o in org["outcomes"]:
            out.append(_line(o, unit=False))
            if sources:
                out.append(_source(o))
    if found["organisations"] and found["people"]:
        out.append("")
    for person in found["people"]:
        facts = [
            f"sinh ngày {_day_iso(person['ngay_sinh'])}" if person["ngay_sinh"] else "",
            f"vào Đảng ngày {_day_iso(person['ngay_vao_dang'])}" if person["ngay_vao_dang"] else "",
            f"thẻ đảng viên số {person['so_the_dang_vien']}" if person["so_the_dang_vien"] else "",
        ]
        facts = [f for f in facts if f] + [f"mã {person['id']}"]  # the id history rename and merge take
        out.append(person["ho_ten"] + f" — {', '.join(facts)}")
        for o in person["outcomes"]:
            out.append(_line(o))
            if sources:
                out.append(_source(o))
    return out


def _day_iso(text: str) -> str:
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}"


def overview_lines(rows: list[dict]) -> list[str]:
    if not rows:
        return [
            "Hồ sơ chưa có kết quả nào: kiemdiem bulk ghi kết quả mỗi lần chạy; "
            "kiemdiem history import nhập danh sách các năm trước."
        ]
    out = ["Năm   Đảng bộ: số đảng viên, số tổ chức đã ghi"]
    out += [f"{r['nam']}  {r['dang_bo']}: {r['dang_vien']} đảng viên, {r['to_chuc']} tổ chức" for r in rows]
    out.append("Xem chi tiết: --ho-ten TÊN, --so-the SỐ, --chi-bo MÃ, --nam NĂM.")
    return out


def between(session: Session, first: int, last: int) -> dict:
    """Every person and organisation with a current outcome in ``first``–``last``, with those outcomes (as
    ``query`` gives them; generator/history/propose.py reads it)."""
    window = select(Outcome).where(Outcome.replaced_at.is_(None), Outcome.nam.between(first, last))
    person_ids = sorted(set(session.scalars(window.with_only_columns(Outcome.person_id).distinct())) - {None})
    org_ids = sorted(set(session.scalars(window.with_only_columns(Outcome.organisation_id).distinct())) - {None})
    years = set(range(first, last + 1))
    people = [p for chunk in chunks(person_ids) for p in session.scalars(select(Person).where(Person.id.in_(chunk)))]
    organisations = [
        o for chunk in chunks(org_ids) for o in session.scalars(select(Organisation).where(Organisation.id.in_(chunk)))
    ]
    by_person = _outcomes(session, Outcome.person_id, person_ids, False, years)
    by_org = _outcomes(session, Outcome.organisation_id, org_ids, False, years)
    people.sort(key=lambda p: (order_key(p.ho_ten), p.ngay_sinh or p.ngay_vao_dang or 0, p.id))
    organisations.sort(key=lambda o: (name_key(o.dang_bo), o.id))
    return {
        "people": [_person_dict(p, by_person[p.id]) for p in people],
        "organisations": [_organisation_dict(o, by_org[o.id]) for o in organisations],
    }
