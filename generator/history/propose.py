"""``kiemdiem awards propose``: which commendations the record supports, year by year, with the evidence.

The rules are those in force on the tờ trình's date (generator/commendation/khen-thuong.yaml, read by
generator/evaluate/commendation.py); this module knows no number of them. For every award and every member
or organisation with a current outcome in the award's years (``show.between``):

- **eligible** when every year is recorded at that year's required level (its own regime's level code:
  an organisation's year before 2018 needs TSVM) and, where the award asks it, recorded "tiêu biểu";
- **one year short** when exactly one year fails or is missing (awards of several years only), naming it;
- what the record cannot decide (earlier awards, Chiến sĩ thi đua titles, a score or a count not recorded)
  is listed as "cần kiểm tra: …", never assumed.

Pure functions over the record's dicts: nothing is printed, nothing read from the database here.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import yaml

from ..evaluate.award_conditions import CONDITIONS
from ..evaluate.commendation import (
    AUTHORITY_PREFIX,
    RECIPIENTS,
    UNFILLED,
    UNFILLED_NUMBER,
    catalogue,
    quota_limit,
    required_level,
    review_regime,
    rules_data,
    year_title,
)
from ..evaluate.profile import known_profiles
from ..evaluate.regime import exact, load_regime
from ..filenames import slug
from ..vietnamese import ngay_ngan, phan_tram, so
from .identity import name_key
from .records import HOW_RECORDED, NOT_RATED

#: an organisation's ``loai`` → the awards' recipient it is
KINDS = {"chi_bo_truc_thuoc": "chi_bo", "dang_bo_co_so": "tccsd", "chi_bo_co_so": "tccsd"}
MISSING = "chưa có trong hồ sơ"
PLACEHOLDER = UNFILLED  # evaluate/commendation.unfilled names each one left when the draft is checked
CHECK = "cần kiểm tra"
#: a year at the top level whose tiêu biểu the record does not hold (``kiemdiem bulk`` never records it: the
#: competent committee recognises it after the review)
UNKNOWN_TIEU_BIEU = "năm {year} hồ sơ không ghi có được công nhận tiêu biểu hay không (cần tiêu biểu)"
#: what "cần kiểm tra" means, printed under the lists
CHECK_MEANING = (
    "“Cần kiểm tra”: điều kiện mà hồ sơ xếp loại không ghi (các lần khen thưởng trước, danh hiệu thi đua, "
    "điểm hay số đảng viên chưa ghi); kiemdiem không tự cho là đạt — cấp ủy đối chiếu hồ sơ gốc trước khi trình."
)
#: the quota bases the record can count (schemas/to-trinh-khen-thuong.schema.json ``co_so_ty_le``)
BASES = {
    "so_chi_bo_dat_muc_cao_nhat": "số chi bộ trực thuộc đạt mức cao nhất",
    "so_chi_bo_tieu_bieu": "số chi bộ trực thuộc được công nhận tiêu biểu",
    "so_dang_vien_htxsnv": "số đảng viên hoàn thành xuất sắc nhiệm vụ",
}


class ProposeError(ValueError):
    """An option the record cannot answer; ``option`` names it (``--to-chuc``)."""

    def __init__(self, option: str, message: str):
        super().__init__(message)
        self.option = option


# -- the record's subjects ----------------------------------------------------------------------------
def _subjects(record: dict) -> list[dict]:
    """Members and organisations as recipients, each with its outcomes by year; an organisation whose kind
    the record does not know has kind None (no award is for it: ``_not_considered`` says so)."""
    subjects = []
    for p in record["people"]:
        subjects.append(
            {
                "kind": "dang_vien",
                "id": p["id"],
                "ten": p["ho_ten"],
                "ngay_sinh": p["ngay_sinh"],
                "ngay_vao_dang": p["ngay_vao_dang"],
                "so_the_dang_vien": p["so_the_dang_vien"],
                "outcomes": {o["nam"]: o for o in p["outcomes"]},
            }
        )
    for org in record["organisations"]:
        subjects.append(
            {
                "kind": KINDS.get(org["loai"] or ""),
                "id": org["id"],
                "ten": org["ten"],
                "ma": org["ma"],
                "loai": org["loai"],
                "dang_bo": org["dang_bo"],
                "outcomes": {o["nam"]: o for o in org["outcomes"]},
            }
        )
    return subjects


def _not_considered(subjects: list[dict]) -> list[str]:
    return [
        f"{s['ten']} (mã {s['ma']}): hồ sơ ghi loại tổ chức “{s['loai'] or ''}”, không phải chi bộ trực thuộc, chi "
        f"bộ cơ sở hay đảng bộ cơ sở, nên chưa xét khen thưởng — {CHECK}"
        if s["loai"]
        else f"{s['ten']} (mã {s['ma']}): hồ sơ không ghi loại tổ chức (chi bộ trực thuộc, chi bộ cơ sở hay đảng bộ "
        f"cơ sở) nên chưa xét khen thưởng — {CHECK}"
        for s in subjects
        if s["kind"] is None
    ]


def known_dang_bo(record: dict) -> list[str]:
    return sorted({o["dang_bo"] for s in (*record["people"], *record["organisations"]) for o in s["outcomes"]})


def _of_dang_bo(subjects: list[dict], dang_bo: str | None, year: int) -> list[dict]:
    if not dang_bo:
        return subjects
    return [s for s in subjects if name_key(_latest(s, year)["dang_bo"]) == name_key(dang_bo)]


def _latest(subject: dict, year: int) -> dict | None:
    years = [y for y in subject["outcomes"] if y <= year]
    return subject["outcomes"][max(years)] if years else None


def _unit_keys(subject: dict, year: int) -> set[str]:
    """The codes and names (by ``name_key``) of the units the subject belongs to, by its latest outcome."""
    o = _latest(subject, year)
    if o is None:
        return set()
    keys = {o["chi_bo"]["ma"], o["to_chuc_co_so"]["ma"]}
    keys |= {name_key(n) for n in (o["chi_bo"]["ten"], o["to_chuc_co_so"]["ten"]) if n}
    if subject["kind"] != "dang_vien":
        keys |= {subject["ma"], name_key(subject["ten"])}
    return {k for k in keys if k}


def known_units(record: dict) -> list[str]:
    """Every chi bộ and tổ chức cơ sở code the record holds, "ma (tên)", for the message of a wrong code."""
    found = {}
    for subject in (*record["people"], *record["organisations"]):
        for o in subject["outcomes"]:
            for unit in (o["chi_bo"], o["to_chuc_co_so"]):
                if unit["ma"]:
                    found.setdefault(unit["ma"], unit["ten"])
    for org in record["organisations"]:
        found.setdefault(org["ma"], org["ten"])
    return [f"{ma} ({ten})" if ten else ma for ma, ten in sorted(found.items())]


def _in_scope(subjects: list[dict], to_chuc: str | None, year: int) -> list[dict]:
    if not to_chuc:
        return subjects
    wanted = {to_chuc.strip(), name_key(to_chuc)}
    return [s for s in subjects if _unit_keys(s, year) & wanted]


def _unit_text(subject: dict, year: int) -> str:
    o = _latest(subject, year)
    if o is None:
        return ""
    places = [o["chi_bo"]["ten"], o["to_chuc_co_so"]["ten"], o["dang_bo"]]
    if subject["kind"] != "dang_vien":
        places = [p for p in places if p and name_key(p) != name_key(subject["ten"])]
    return ", ".join(dict.fromkeys(p for p in places if p))


# -- one year -------------------------------------------------------------------------------------------
def _members_of(subjects: list[dict], org: dict, year: int) -> list[dict]:
    """The members' outcomes of ``year`` recorded in the organisation (its chi bộ, or its tổ chức cơ sở): by its
    code, or by its name where a typed list gave the unit's name only."""
    side = "chi_bo" if org["kind"] == "chi_bo" else "to_chuc_co_so"
    dang_bo, ten = name_key(org["dang_bo"]), name_key(org["ten"])

    def belongs(o: dict) -> bool:
        unit = o[side]
        same = unit["ma"] == org["ma"] if unit["ma"] else bool(unit["ten"]) and name_key(unit["ten"]) == ten
        return same and name_key(o["dang_bo"]) == dang_bo

    return [
        s["outcomes"][year]
        for s in subjects
        if s["kind"] == "dang_vien" and year in s["outcomes"] and belongs(s["outcomes"][year])
    ]


def _member_counts(members: list[dict], year: int) -> tuple[int, int, int]:
    """(rated, rated HTTNV or better, rated KHTNV) by the year's own member levels."""
    levels = [code for code, _ in load_regime(review_regime(year)).subject("ca_nhan").levels]
    rated = [o for o in members if o["level"] != NOT_RATED]
    return len(rated), sum(o["level"] in levels[:2] for o in rated), sum(o["level"] == levels[-1] for o in rated)


def _year(award: dict, subject: dict, year: int, everyone: list[dict]) -> tuple[list[str], list[str], dict]:
    """Why ``year`` fails the award (empty when it counts), what the record cannot decide of it, and the
    members' counts of the organisation where the award asks for them and the record has them."""
    o = subject["outcomes"].get(year)
    if o is None:
        return [f"năm {year} {MISSING}"], [], {}
    code, label = required_level(award, year)
    fails, checks, counts = [], [], {}
    if o["regime"] != review_regime(year):
        checks.append(
            f"năm {year} hồ sơ ghi theo quy định {o['regime']}, năm đó đánh giá theo {review_regime(year)} "
            "(generator/commendation/khen-thuong.yaml, review_regimes)"
        )
    if o["level"] != code:
        fails.append(f"năm {year} xếp loại “{o['level_label']}”, cần “{label}”")
    if award.get("tieu_bieu"):
        if o["tieu_bieu"] is None:
            fails.append(UNKNOWN_TIEU_BIEU.format(year=year))
        elif not o["tieu_bieu"]:
            fails.append(f"năm {year} không được công nhận tiêu biểu")
    if "min_score" in award:
        if o["score"] is None:
            checks.append(f"năm {year} hồ sơ không ghi điểm (cần từ {so(award['min_score'])} điểm trở lên)")
        elif o["score"] < award["min_score"]:
            fails.append(f"năm {year} đạt {so(o['score'])} điểm, cần từ {so(award['min_score'])} điểm trở lên")
    if award.get("members_good") or award.get("no_failing_members"):
        members = _members_of(everyone, subject, year)
        rated, good, failing = _member_counts(members, year)
        if not rated:
            checks.append(f"năm {year} hồ sơ không có kết quả xếp loại đảng viên của {subject['ten']}")
        else:
            counts = {"so_dang_vien": rated, "so_dang_vien_tot_tro_len": good, "so_dang_vien_khtnv": failing}
            counted = f"theo hồ sơ ({so(rated)} đảng viên được xếp loại đã ghi; đối chiếu đủ số đảng viên)"
            if award.get("members_good"):
                need = award["members_good"]
                share = Fraction(good, rated)
                met = share > exact(need["value"]) if need["op"] == ">" else share >= exact(need["value"])
                words = f"năm {year} có {phan_tram(share)} đảng viên hoàn thành tốt nhiệm vụ trở lên"
                if met:
                    checks.append(f"{words} {counted}")
                else:
                    fails.append(f"{words}, cần {'trên' if need['op'] == '>' else 'từ'} {need['value']}")
            if award.get("no_failing_members"):
                if failing:
                    fails.append(f"năm {year} có {so(failing)} đảng viên không hoàn thành nhiệm vụ (phải không có)")
                else:
                    checks.append(f"năm {year} không có đảng viên không hoàn thành nhiệm vụ {counted}")
    return fails, checks, counts


#: the conditions of generator/evaluate/award_conditions.py this module decides (or says it cannot)
DECIDED = {"tieu_bieu", "min_score", "members_good", "no_failing_members", "titles_min", "prior_award", "wait_years"}
AWARD_KEYS = {"recipient", "form", "authority", "years", "multiple"}


def record_cannot_decide(award: dict) -> list[str]:
    """What the award asks that the record never holds; a condition this module does not know (one added to
    the data later) is "cần kiểm tra" too, never taken as met."""
    out = []
    for c in CONDITIONS:
        if c.key not in DECIDED and (c.key in award if c.key == "min_score" else bool(award.get(c.key))):
            out.append(f"{c.says(award[c.key])} (kiemdiem chưa xét điều kiện này từ hồ sơ)")
    known = DECIDED | AWARD_KEYS | {c.key for c in CONDITIONS}
    out += [f"điều kiện “{key}” của quy định (kiemdiem chưa xét điều kiện này)" for key in award if key not in known]
    if award.get("titles_min"):
        out.append(
            f"ít nhất {award['titles_min']:02d} lần đạt danh hiệu “Chiến sĩ thi đua cơ sở” hoặc tương đương "
            "trong các năm (hồ sơ không ghi danh hiệu thi đua)"
        )
    if award.get("prior_award"):
        out.append(f"đã được tặng “{award['prior_award']}” trước đó (hồ sơ không ghi các lần khen thưởng)")
    if award.get("wait_years"):
        out.append(
            f"lần khen cùng hình thức gần nhất phải cách ít nhất {award['wait_years']:02d} năm "
            "(hồ sơ không ghi các lần khen thưởng)"
        )
    return out


def _evidence(award: dict, subject: dict, years: list[int], counts: dict[int, dict]) -> list[dict]:
    chain = []
    for y in years:
        o = subject["outcomes"].get(y)
        if o is None:
            chain.append({"nam": y, "recorded": False})
            continue
        title = year_title(award, y)  # 2018–2020: an organisation's HTXSNV counted as "Trong sạch, vững mạnh"
        chain.append(
            {
                **({"members": counts[y]} if counts.get(y) else {}),
                **({"title": title} if title != required_level(award, y)[1] else {}),
                "nam": y,
                "recorded": True,
                "level": o["level"],
                "level_label": o["level_label"],
                "tieu_bieu": o["tieu_bieu"],
                "score": o["score"],
                "regime": o["regime"],
                "source": {
                    "outcome": o["id"],
                    "run": o["source"]["run"],
                    "kind": o["source"]["kind"],
                    "file": o["source"]["file"],
                    "place": o["source"]["place"],
                    "recorded_at": o["source"]["recorded_at"],
                },
            }
        )
    return chain


def _subject_view(subject: dict, year: int) -> dict:
    keys = ("kind", "id", "ten", "ma", "loai", "ngay_sinh", "ngay_vao_dang", "so_the_dang_vien")
    return {**{k: subject[k] for k in keys if k in subject}, "don_vi": _unit_text(subject, year)}


def _award_view(award_id: str, award: dict) -> dict:
    return {
        "id": award_id,
        "form": award["form"],
        "authority": award["authority"],
        "authority_name": rules_data()["authorities"][award["authority"]],
        "recipient": award["recipient"],
        "years": award["years"],
        "multiple": float(exact(award["multiple"])),
    }


# -- quotas -----------------------------------------------------------------------------------------------
def _bases(subjects: list[dict], year: int) -> dict[str, int]:
    """The quota bases counted in the record for ``year`` (the subjects in scope)."""
    org_top = load_regime(review_regime(year)).subject("to_chuc").levels[0][0]
    member_top = load_regime(review_regime(year)).subject("ca_nhan").levels[0][0]
    chi_bo = [s["outcomes"][year] for s in subjects if s["kind"] == "chi_bo" and year in s["outcomes"]]
    top = [o for o in chi_bo if o["level"] == org_top]
    members = [s["outcomes"][year] for s in subjects if s["kind"] == "dang_vien" and year in s["outcomes"]]
    return {
        "so_chi_bo_dat_muc_cao_nhat": len(top),
        "so_chi_bo_tieu_bieu": sum(bool(o["tieu_bieu"]) for o in top),
        "so_dang_vien_htxsnv": sum(o["level"] == member_top for o in members),
    }


def _quotas(
    quotas: dict, awards: dict, eligible: list[dict], bases: dict[str, int], year: int, to_chuc: str | None
) -> list[dict]:
    scope = f"năm {year} theo hồ sơ" + (f", trong {to_chuc}" if to_chuc else "")
    out = []
    for award_id, quota in quotas.items():
        if award_id not in awards:
            continue
        count = sum(line["award"]["id"] == award_id for line in eligible)
        base = bases.get(quota["base"])
        entry = {
            "award_id": award_id,
            "rate": str(quota["rate"]),
            "base_name": quota["base"],
            "base": base,
            "rule": quota["rule"],
            "eligible": count,
        }
        if base is None:
            entry.update(
                limit=None,
                over=None,
                text=f"“{award_id}”: không quá {quota['rate']} của {quota['base']} ({quota['rule']}); hồ sơ không "
                f"tính được {quota['base']} — {CHECK}; đủ điều kiện theo hồ sơ: {so(count)}",
            )
            out.append(entry)
            continue
        allowed, limit = quota_limit(quota, base)
        over = count > limit
        text = (
            f"“{award_id}”: không quá {quota['rate']} × {so(base)} ({BASES.get(quota['base'], quota['base'])} "
            f"{scope}) = {so(allowed)} → tối đa {so(limit)}; đủ điều kiện theo hồ sơ: {so(count)} "
            f"({quota['rule']})"
        )
        if over:
            text += (
                f". Số đủ điều kiện vượt tỷ lệ: cấp ủy xét chọn {so(limit)} trong {so(count)} "
                "(danh sách dưới đây giữ đủ tất cả, kiemdiem không tự bỏ ai)"
            )
        entry.update(allowed=so(allowed), limit=limit, over=over, text=text)
        out.append(entry)
    return out


def _notes(subjects: list[dict], dang_bo: str | None) -> list[str]:
    units = sorted({_latest(s, 9999)["dang_bo"] for s in subjects})
    if len(units) < 2 or dang_bo:
        return []
    return [
        f"Hồ sơ có {len(units)} đảng bộ ({'; '.join(units)}): danh sách và tỷ lệ khen thưởng ở đây tính chung; "
        "mỗi tờ trình là của một đảng bộ — chọn bằng --dang-bo TÊN (và --to-chuc MÃ)"
    ]


def _several(eligible: list[dict]) -> list[str]:
    """Who is eligible for more than one award: which to propose is the committee's choice, not kiemdiem's."""
    found: dict[tuple, list[dict]] = {}
    for line in eligible:
        found.setdefault((line["subject"]["kind"], line["subject"]["id"]), []).append(line)
    return [
        f"{lines[0]['subject']['ten']}: {', '.join(line['award']['id'] for line in lines)} — cấp ủy xét chọn hình thức "
        "đề nghị (kiemdiem không chọn thay; tờ trình -o ghi đủ cả, bỏ những hình thức không chọn)"
        for lines in found.values()
        if len(lines) > 1
    ]


# -- names that may be one person ---------------------------------------------------------------------------
def _similar_names(subjects: list[dict]) -> list[str]:
    """Members recorded as two people whose names differ only by diacritics, case or spaces, or are the same
    name: kiemdiem keeps them apart (the record never merges silently) and says so."""
    groups: dict[str, list[dict]] = {}
    for s in subjects:
        if s["kind"] == "dang_vien":
            groups.setdefault(slug(s["ten"]), []).append(s)  # diacritics, case and spaces aside
    out = []
    for same in groups.values():
        if len(same) < 2:
            continue
        shown = "; ".join(
            f"“{s['ten']}” ({', '.join(_person_facts(s)) or 'không ghi ngày sinh'}; năm "
            f"{', '.join(str(y) for y in sorted(s['outcomes']))})"
            for s in same
        )
        out.append(
            f"{shown}: hồ sơ ghi là {len(same)} người khác nhau nên được xét riêng, không gộp các năm. "
            "Nếu là một người, sửa hồ sơ cho đúng một họ tên rồi chạy lại"
        )
    return out


def _person_facts(s: dict) -> list[str]:
    out = []
    if s.get("ngay_sinh"):
        out.append(f"sinh {ngay_ngan(dt.date.fromisoformat(s['ngay_sinh']))}")
    if s.get("so_the_dang_vien"):
        out.append(f"thẻ số {s['so_the_dang_vien']}")
    return out


# -- the whole proposal ----------------------------------------------------------------------------------------
def chain_years(era: dict) -> int:
    """How many years back the longest award of the era's catalogue looks."""
    return max(a["years"] for a in catalogue(era).values())


def propose(
    record: dict,
    year: int,
    day: dt.date,
    era: dict,
    quotas: dict,
    to_chuc: str | None = None,
    date_given: bool = True,
    dang_bo: str | None = None,
) -> dict:
    """What the record supports for ``year``'s commendations under ``era`` (the rules on ``day``).

    ``record``: ``show.between`` over the era's longest chain of years. Raises ``ProposeError`` for a
    ``dang_bo`` or ``to_chuc`` the record does not hold."""
    everyone = _subjects(record)
    first = year - chain_years(era) + 1
    subjects = _of_dang_bo(everyone, dang_bo, year)
    if dang_bo and not subjects:
        raise ProposeError(
            "--dang-bo",
            f"hồ sơ không có đảng bộ “{dang_bo}” trong các năm {first}–{year}; các đảng bộ trong hồ sơ: "
            + ("; ".join(known_dang_bo(record)) or "không có"),
        )
    subjects = _in_scope(subjects, to_chuc, year)
    if to_chuc and not subjects:
        units = known_units(record)
        raise ProposeError(
            "--to-chuc",
            f"hồ sơ không có chi bộ hay tổ chức cơ sở đảng mã (hoặc tên) “{to_chuc}” trong các năm "
            f"{first}–{year}"
            + (f" của {dang_bo}" if dang_bo else "")
            + (f"; các mã trong hồ sơ: {', '.join(units)}" if units else "; hồ sơ chưa ghi mã tổ chức nào"),
        )
    awards = catalogue(era)
    eligible, near, undecided = [], [], []
    for award_id, award in awards.items():
        years = list(range(year - award["years"] + 1, year + 1))
        for subject in subjects:
            if subject["kind"] != award["recipient"]:
                continue
            if not any(y in subject["outcomes"] for y in years):
                continue
            fails: dict[int, list[str]] = {}
            checks: list[str] = []
            counts: dict[int, dict] = {}
            for y in years:
                failed, unsure, counts[y] = _year(award, subject, y, everyone)
                if failed:
                    fails[y] = failed
                checks += unsure
            line = {
                "award": _award_view(award_id, award),
                "subject": _subject_view(subject, year),
                "years": years,
                "chain": _evidence(award, subject, years, counts),
            }
            if not fails:
                eligible.append({**line, "checks": checks + record_cannot_decide(award)})
            elif len(fails) == 1 and len(years) > 1:
                [(short, reasons)] = fails.items()
                near.append({**line, "short": {"nam": short, "reasons": reasons}, "checks": checks})
            elif all(r == UNKNOWN_TIEU_BIEU.format(year=y) for y, rs in fails.items() for r in rs):
                # every year at the level, tiêu biểu not recorded: neither eligible nor failing — said, not dropped
                undecided.append({**line, "unknown": [r for rs in fails.values() for r in rs], "checks": checks})
    return {
        "year": year,
        "date": day.isoformat(),
        "date_given": date_given,
        "era": {"id": era["id"], "name": era["name"], "catalogue": era["catalogue"]},
        "to_chuc": to_chuc,
        "dang_bo_chosen": dang_bo,
        "dang_bo": sorted({o["dang_bo"] for s in subjects for o in s["outcomes"].values()}),
        "eligible": eligible,
        "near_misses": near,
        "undecided": undecided,
        "quotas": _quotas(quotas, awards, eligible, _bases(subjects, year), year, to_chuc),
        "several": _several(eligible),
        "not_considered": _not_considered(subjects),
        "notes": _notes(subjects, dang_bo),
        "similar_names": _similar_names(subjects),
    }


# -- in words -------------------------------------------------------------------------------------------------
def _source_text(src: dict) -> str:
    how = HOW_RECORDED.get(src["kind"], src["kind"])
    when = src["recorded_at"]
    shown = f" (ghi ngày {when[8:10]}/{when[5:7]}/{when[:4]})" if when else ""
    return f"{how} {src['file']}, {src['place']}{shown}"


def _chain_lines(line: dict, indent: str = "       ") -> list[str]:
    out = []
    for y in line["chain"]:
        if not y["recorded"]:
            out.append(f"{indent}{y['nam']}  ({MISSING})")
            continue
        extras = []
        if y["score"] is not None:
            extras.append(f"{so(y['score'])} điểm")
        if y["tieu_bieu"] is True:
            extras.append("tiêu biểu")
        elif y["tieu_bieu"] is False:
            extras.append("không tiêu biểu")
        elif line["award"]["recipient"] != "dang_vien":
            extras.append("không ghi tiêu biểu")
        if y.get("title"):
            extras.append(f"tính là “{y['title']}” tiêu biểu")
        if y.get("members"):
            m = y["members"]
            extras.append(
                f"đảng viên theo hồ sơ: {so(m['so_dang_vien'])} xếp loại, {so(m['so_dang_vien_tot_tro_len'])} hoàn "
                f"thành tốt nhiệm vụ trở lên, {so(m['so_dang_vien_khtnv'])} không hoàn thành nhiệm vụ"
            )
        shown = f" ({', '.join(extras)})" if extras else ""
        out.append(f"{indent}{y['nam']}  {y['level_label']}{shown} — nguồn: {_source_text(y['source'])}")
    return out


def _award_title(award: dict, years: list[int]) -> str:
    span = f"{award['years']} năm liền {years[0]}–{years[-1]}" if award["years"] > 1 else f"năm {years[-1]}"
    return f"{award['id']} — {award['form']} ({award['authority_name']}) cho {RECIPIENTS[award['recipient']]}, {span}"


def _who(line: dict) -> str:
    s = line["subject"]
    facts = _person_facts(s) if s["kind"] == "dang_vien" else [f"mã {s['ma']}"]
    if s["don_vi"]:
        facts.append(s["don_vi"])
    return s["ten"] + (f" ({'; '.join(facts)})" if facts else "")


def lines(result: dict, history: str) -> list[str]:
    """The proposal in Vietnamese: the rules and date, each eligible line with its years and sources, each
    near-miss with its year and why, the quotas, what "cần kiểm tra" means."""
    day = dt.date.fromisoformat(result["date"])
    out = [
        f"Đề xuất khen thưởng năm {result['year']} từ hồ sơ xếp loại ({history})",
        f"Quy định khen thưởng ngày {ngay_ngan(day)}: {result['era']['name']}"
        + ("" if result["date_given"] else f" (ngày mặc định 31/12/{result['year']}; ghi --date nếu ngày lập khác)"),
    ]
    if result["to_chuc"] or result["dang_bo_chosen"]:
        out.append(f"Chỉ xét: {', '.join(x for x in (result['to_chuc'], result['dang_bo_chosen']) if x)}")
    out += result["notes"]
    sections = (
        ("Đủ điều kiện theo hồ sơ", "eligible"),
        ("Thiếu một năm", "near_misses"),
        (f"Hồ sơ chưa đủ để quyết định, {CHECK} tiêu biểu", "undecided"),
    )
    for title, key in sections:
        found = result[key]
        if key == "undecided" and not found:
            continue
        out.append("")
        out.append(f"{title} ({so(len(found))}):" if found else f"{title}: không có.")
        groups: dict[str, list[dict]] = {}
        for line in found:
            groups.setdefault(line["award"]["id"], []).append(line)
        for group in groups.values():
            out.append(f"  {_award_title(group[0]['award'], group[0]['years'])}:")
            for i, line in enumerate(group, 1):
                head = f"    {i}. {_who(line)}"
                if key == "near_misses":
                    head += f": thiếu năm {line['short']['nam']} — {'; '.join(line['short']['reasons'])}"
                elif key == "undecided":
                    head += f": {'; '.join(line['unknown'])}"
                out.append(head)
                out += _chain_lines(line)
                out += [f"       {CHECK}: {c}" for c in line["checks"]]
    if result["quotas"]:
        out.append("")
        out.append("Tỷ lệ khen thưởng:")
        out += [f"  {q['text']}" for q in result["quotas"]]
    for title, key in (
        ("Đủ điều kiện nhiều hình thức", "several"),
        ("Chưa xét", "not_considered"),
        ("Họ tên gần giống nhau", "similar_names"),
    ):
        if result[key]:
            out.append("")
            out.append(f"{title}:")
            out += [f"  {text}" for text in result[key]]
    out.append("")
    out.append(CHECK_MEANING)
    return out


# -- the tờ trình ------------------------------------------------------------------------------------------------
#: the fields of the tờ trình the record does not hold, with what the clerk fills in
TO_FILL = {
    "dang_bo": "cấp ủy cấp trên (dòng đầu tiêu đề, ví dụ Đảng bộ Thành phố Hà Nội)",
    "co_quan_trinh": "cấp ủy trình (ví dụ Đảng ủy phường Ba Đình)",
    "so_ky_hieu": "số, ký hiệu tờ trình (ví dụ 12-TTr/ĐU): 0-TTr/ĐU chỉ là chỗ để điền",
    "dia_danh": "địa danh",
    "kinh_gui": "nơi kính gửi",
    "cap_uy": "tên các cấp ủy tặng từng hình thức",
    "ky": "người ký (họ tên, thay mặt, chức vụ)",
    "noi_nhan": "nơi nhận",
    "de_nghi": "chức vụ (chuc_vu), thành tích (thanh_tich) của từng người, tập thể; bỏ những đề nghị cấp ủy không chọn",
}
NUMBER_PLACEHOLDER = UNFILLED_NUMBER


def _diem(score):
    if score is None:
        return None
    return int(score) if float(score).is_integer() else float(score)


def to_trinh(result: dict, profile: str | None = None) -> dict | None:
    """A ``to-trinh-khen-thuong`` document proposing every eligible line, the record's years as ``ket_qua``;
    what the record does not hold is "…" (``TO_FILL``). ``None`` when nobody is eligible."""
    if not result["eligible"]:
        return None
    year = result["year"]
    first = min(min(line["years"]) for line in result["eligible"])
    proposals = []
    for line in result["eligible"]:
        rows = []
        for y in line["chain"]:
            row = {"nam": y["nam"], "xep_loai": y["level"]}
            if y["tieu_bieu"] is not None:
                row["tieu_bieu"] = y["tieu_bieu"]
            if y["score"] is not None:
                row["diem"] = _diem(y["score"])
            row.update(y.get("members") or {})  # counted from the record (the line's "cần kiểm tra" says so)
            rows.append(row)
        proposals.append({"hinh_thuc": line["award"]["id"], "ten": line["subject"]["ten"], "ket_qua": rows})
    authorities = list(dict.fromkeys(line["award"]["authority"] for line in result["eligible"]))
    units = result["dang_bo"]
    of = f" của {', '.join(units)}" if units else ""
    span = f"các năm {first}–{year}" if first < year else f"năm {year}"
    document = {
        "form": "to-trinh-khen-thuong",
        "regime": review_regime(year),
        **({"profile": profile} if profile in known_profiles() else {}),  # a file is given again: --profile
        "nam": year,
        "dang_bo": PLACEHOLDER,
        "co_quan_trinh": PLACEHOLDER,
        "so_ky_hieu": NUMBER_PLACEHOLDER,
        "dia_danh": PLACEHOLDER,
        "ngay_lap": result["date"],
        "kinh_gui": [PLACEHOLDER],
        "cap_uy": {a: PLACEHOLDER for a in AUTHORITY_PREFIX if a in authorities},
        "can_cu_them": [
            f"kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên {span}{of} (hồ sơ xếp loại qua các năm)"
        ],
        "de_nghi": proposals,
        "ky": {"thay_mat": "dang_uy", "chuc_vu_nguoi_ky": "bi_thu", "nguoi_ky": PLACEHOLDER},
        "noi_nhan": ["Như trên", PLACEHOLDER],
    }
    bases = {q["base_name"]: q["base"] for q in result["quotas"] if q["base"] is not None}
    if bases:
        document["co_so_ty_le"] = bases
    return document


def profile_file(profile: str | None) -> bool:
    """A profile given as a file: the tờ trình cannot name it (``profile`` is a shipped id), validate and
    render need ``--profile`` again."""
    return bool(profile) and profile not in known_profiles()


def to_trinh_yaml(document: dict, result: dict, history: str, profile: str | None = None) -> str:
    """The document as YAML, each field to fill marked by a comment above it."""
    head = [
        f"# Tờ trình đề nghị khen thưởng năm {result['year']}, lập bởi kiemdiem awards propose từ hồ sơ xếp loại",
        f"# ({history}) theo {result['era']['name']}, ngày {ngay_ngan(dt.date.fromisoformat(result['date']))}.",
        f"# Chỗ ghi “{PLACEHOLDER}” (và các dòng “CẦN ĐIỀN” dưới đây) là việc của người lập: hồ sơ không có.",
    ]
    checks = [(line, c) for line in result["eligible"] for c in line["checks"]]
    if checks:
        head.append(f"# {CHECK.capitalize()} trước khi trình:")
        head += [f"#   - {line['subject']['ten']} ({line['award']['id']}): {c}" for line, c in checks]
    if profile_file(profile):
        head.append(f"# Tỷ lệ khen thưởng theo hồ sơ quy định {profile}: kiểm tra và in với --profile {profile}.")
    if result["several"]:
        head.append("# Đủ điều kiện nhiều hình thức (cấp ủy chọn, bỏ những hình thức không đề nghị):")
        head += [f"#   - {text.split(' — ')[0]}" for text in result["several"]]
    if any(q.get("over") for q in result["quotas"]):
        head.append("# Số đủ điều kiện vượt tỷ lệ khen thưởng: cấp ủy xét chọn và bỏ bớt đề nghị (xem co_so_ty_le).")
    out = ["\n".join(head)]
    for key, value in document.items():
        text = _dump({key: value}) if key != "de_nghi" else _proposals(value)
        if key in TO_FILL:
            text = f"# CẦN ĐIỀN: {TO_FILL[key]}\n{text}"
        out.append(text.rstrip("\n"))
    return "\n".join(out) + "\n"


def _dump(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)


def _proposals(proposals: list[dict]) -> str:
    """``de_nghi`` with each year on one line, as examples/to-trinh-khen-thuong-2025.yaml writes it."""
    out = ["de_nghi:"]
    for p in proposals:
        head = _dump([{k: v for k, v in p.items() if k != "ket_qua"}]).rstrip("\n")
        out.append(head)
        out.append("  ket_qua:")
        for row in p["ket_qua"]:
            flow = yaml.safe_dump(row, allow_unicode=True, sort_keys=False, default_flow_style=True, width=10**6)
            out.append(f"    - {flow.strip()}")
    return "\n".join(out) + "\n"


def to_fill_lines() -> list[str]:
    return [f"  {key}: {what}" for key, what in TO_FILL.items()]
