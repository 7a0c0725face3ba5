"""Commendation (khen thưởng): which rules are in force on the tờ trình's date, whether each
proposal qualifies year by year, quotas, and the bonus as a multiple of the wage in force.

The numbers live in generator/commendation/*.yaml; this module knows none of them. An
ineligible proposal is a ``Problem`` that names the year or the condition that fails.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache

from ..errors import InputError, Problem, json_path
from ..forms import Given
from ..resources import commendation_dir, shipped_yaml
from ..vietnamese import ngay_ngan, so, tien, tien_bang_chu
from .award_conditions import Proposal, described, proposal_reasons, year_reasons
from .profile import Profile, ProfileError, load_profile, read_yaml
from .regime import deep_merge, exact, load_regime
from .subjects import regime_of

RECIPIENTS = {"chi_bo": "chi bộ", "tccsd": "tổ chức cơ sở đảng", "dang_vien": "đảng viên"}
# What a drafted tờ trình (kiemdiem awards propose -o) holds where the record has nothing: never printed as is.
UNFILLED = "…"
UNFILLED_NUMBER = "0-TTr/ĐU"


def unfilled(document: dict) -> list[Problem]:
    """Every place a draft still holds its placeholder (a text that is only "…", the number 0-TTr/ĐU), named:
    a tờ trình is not printed with them (the schema alone accepts both)."""
    from ..schema import load_schema, title_at

    schema, found = load_schema("to-trinh-khen-thuong"), []

    def walk(value, path: list) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + [key])
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + [i])
        elif value == UNFILLED or (path == ["so_ky_hieu"] and value == UNFILLED_NUMBER):
            found.append(
                Problem(json_path(path), title_at(schema, path), f"chưa điền: thay “{value}” bằng nội dung thật")
            )

    walk(document, [])
    return found


AUTHORITY_PREFIX = {"dang_uy_co_so": "", "cap_tren_co_so": "Ban Thường vụ ", "tinh_uy": "Ban Thường vụ "}


@cache
def rules_data() -> dict:
    return shipped_yaml(commendation_dir() / "khen-thuong.yaml")


WAGE_KEY = "luong_co_so"  # a profile's (or a --luong-co-so file's) own wage rows
WAGE_FIELDS = {
    "from": "ngày áp dụng",
    "amount": "mức lương (đồng)",
    "name": "tên mức lương",
    "decree": "văn bản quy định",
}


@cache
def _wages() -> list[dict]:
    path = commendation_dir() / "luong-co-so.yaml"
    rows = shipped_yaml(path)["rows"]
    found = wage_row_problems(rows, path.name)
    if found:  # the shipped table is checked exactly like a committee's
        raise ValueError("; ".join(found))
    return rows


def _as_date(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def wage_row_problems(rows, where: str) -> list[str]:
    """What is wrong with a wage table, each naming the file and the row (empty when it is usable):
    a list of {from, amount, name, decree}, dates ascending, whole positive amounts, a decree named."""
    if not isinstance(rows, list) or not rows:
        return [f"{where}: “{WAGE_KEY}” phải là danh sách các dòng {{from, amount, name, decree}}"]
    found, last = [], None
    for i, row in enumerate(rows, 1):
        at = f"{where}, {WAGE_KEY} dòng {i}"
        if not isinstance(row, dict):
            found.append(f"{at}: phải có dạng {{from: YYYY-MM-DD, amount: số đồng, name: …, decree: …}}")
            continue
        unknown = sorted(str(k) for k in set(row) - set(WAGE_FIELDS) - {"nguon"})
        if unknown:
            found.append(f"{at}: khóa không dùng: {', '.join(unknown)} (chỉ có {', '.join(WAGE_FIELDS)})")
        day = _as_date(row.get("from"))
        if day is None:
            found.append(f"{at}: thiếu hoặc sai {WAGE_FIELDS['from']} (from, dạng YYYY-MM-DD)")
        elif last is not None and day <= last:
            found.append(
                f"{at}: ngày áp dụng {ngay_ngan(day)} phải sau dòng trước ({ngay_ngan(last)}); các dòng xếp theo ngày tăng dần"
            )
        last = day or last
        amount = row.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= 10**9:
            found.append(
                f"{at}: {WAGE_FIELDS['amount']} (amount) phải là số nguyên dương (tối đa 1 tỷ), ví dụ 2530000; đang là {amount!r}"
            )
        for key in ("name", "decree"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                found.append(f"{at}: thiếu {WAGE_FIELDS[key]} ({key})")
    return found


def committee_wages(rows, where: str, source: str) -> list[dict]:
    """A committee's rows, checked like the shipped table (``ProfileError`` listing every problem),
    each marked with where it came from so the document cites it."""
    found = wage_row_problems(rows, where)
    if found:
        raise ProfileError("\n".join(found))
    return [{**row, "from": _as_date(row["from"]), "nguon": source} for row in rows]


def read_wage_file(path) -> list[dict]:
    """`--luong-co-so FILE`: a YAML list of rows, or a mapping with the key ``luong_co_so``."""
    from pathlib import Path

    path = Path(path)
    data = read_yaml(path, "tệp mức lương cơ sở", mapping=False)
    rows = data.get(WAGE_KEY) if isinstance(data, dict) else data
    return committee_wages(rows, path.name, f"tệp {path.name}")


def wage_table(extra: list[dict] | None = None) -> list[dict]:
    """The shipped rows with a committee's over them: a row of the same ``from`` replaces the shipped one."""
    rows = {r["from"]: r for r in _wages()}
    rows.update({r["from"]: r for r in extra or []})
    return [rows[day] for day in sorted(rows)]


def _latest(rows: list[dict], day: dt.date, key: str = "from") -> dict | None:
    found = [r for r in rows if r[key] <= day]
    return found[-1] if found else None


def era_on(day: dt.date) -> dict | None:
    """The commendation rules in force on ``day`` (None before the first the toolkit knows)."""
    return _latest(rules_data()["eras"], day)


def wage_on(day: dt.date, extra: list[dict] | None = None) -> dict | None:
    """The wage row in force on ``day``; ``extra``: a committee's rows (``committee_wages``)."""
    return _latest(wage_table(extra), day)


def catalogue(era: dict) -> dict:
    return rules_data()["catalogues"][era["catalogue"]]


def review_regime(year: int) -> str:
    return [r for r in rules_data()["review_regimes"] if r["from"] <= year][-1]["regime"]


def required_level(award: dict, year: int) -> tuple[str, str]:
    """The level (code, label) every counted year needs: an organisation's top level, a member's HTXSNV."""
    regime = load_regime(review_regime(year))
    subject = regime.subject("ca_nhan" if award["recipient"] == "dang_vien" else "to_chuc")
    return subject.levels[0]


def year_title(award: dict, year: int) -> str:
    """What a counted year is recognised as: for an organisation's "tiêu biểu" award the era's title
    where the data gives one (2018–2020: "Trong sạch, vững mạnh"), else the year's top level."""
    if award["recipient"] != "dang_vien" and award.get("tieu_bieu"):
        for title in rules_data().get("organisation_titles") or []:
            if title["from"] <= year <= title["to"]:
                return title["label"]
    return required_level(award, year)[1]


@dataclass(frozen=True)
class Line:
    """One proposal, as the attached list prints it."""

    index: int
    name: str
    position: str
    award_id: str
    award: str  # "Giấy khen của Ban Thường vụ Đảng ủy phường Ba Đình"
    achievement: str  # "“Hoàn thành xuất sắc nhiệm vụ” 5 năm liền (2021–2025)"
    recipient: str
    multiple: Fraction
    amount: int


@dataclass(frozen=True)
class CommendationEvaluation:
    era: dict
    wage: dict
    wage_date: dt.date
    proposals: list[Line]
    total: int
    quotas: list[str]  # how each quota was computed, in Vietnamese
    problems: list[Problem]
    number: str = ""  # the tờ trình's số, ký hiệu

    def summary(self) -> str:
        return f"{len(self.proposals)} đề nghị theo {self.era['name']}, tổng tiền thưởng {tien(self.total)}"

    def lines(self) -> list[str]:
        """The proposals with their awards and amounts, the total in figures and words, the quotas."""
        own = f"; dòng của {self.wage['nguon']}" if self.wage.get("nguon") else ""
        lines = [
            f"Tờ trình {self.number} — {self.era['name']}",
            f"Tiền thưởng theo {self.wage['name']} {tien(self.wage['amount'])} ({self.wage['decree']}{own}), "
            f"ngày {ngay_ngan(self.wage_date)}:",
        ]
        lines += [
            f"  {ln.index}. {ln.name}: {ln.award} — {ln.achievement}; {so(ln.multiple)} × {so(self.wage['amount'])} = "
            f"{tien(ln.amount)}"
            for ln in self.proposals
        ]
        lines.append(f"Tổng: {tien(self.total)} ({tien_bang_chu(self.total)})")
        return lines + [f"Tỷ lệ {q}" for q in self.quotas]

    def as_dict(self) -> dict:
        return {
            "rules": self.era["id"],
            "rules_name": self.era["name"],
            "wage": {
                "amount": self.wage["amount"],
                "name": self.wage["name"],
                "decree": self.wage["decree"],
                "date": self.wage_date.isoformat(),
                "from": self.wage["from"].isoformat(),
                "source": self.wage.get("nguon") or "generator/commendation/luong-co-so.yaml",
            },
            "lines": [
                {
                    "name": ln.name,
                    "award_id": ln.award_id,
                    "award": ln.award,
                    "achievement": ln.achievement,
                    "multiple": float(ln.multiple),
                    "amount": ln.amount,
                }
                for ln in self.proposals
            ],
            "total": self.total,
            "quotas": self.quotas,
        }


def _award_text(award: dict, cap_uy: dict) -> str:
    return f"{award['form']} của {AUTHORITY_PREFIX[award['authority']]}{cap_uy[award['authority']]}"


def _achievement(award: dict, years: list[int]) -> str:
    """ "“Trong sạch, vững mạnh” tiêu biểu (2014–2017), “Hoàn thành xuất sắc nhiệm vụ” tiêu biểu (2018)"."""
    suffix = " tiêu biểu" if award.get("tieu_bieu") else ""
    if len(years) == 1:
        return f"“{year_title(award, years[0])}”{suffix} năm {years[0]}"
    runs: list[tuple[str, list[int]]] = []
    for year in years:
        label = year_title(award, year)
        if runs and runs[-1][0] == label:
            runs[-1][1].append(year)
        else:
            runs.append((label, [year]))
    if len(runs) == 1:
        return f"“{runs[0][0]}”{suffix} {len(years)} năm liền ({years[0]}–{years[-1]})"
    parts = [
        f"“{label}”{suffix} ({ys[0]}–{ys[-1]})" if len(ys) > 1 else f"“{label}”{suffix} ({ys[0]})" for label, ys in runs
    ]
    return f"{len(years)} năm liền: " + ", ".join(parts)


def _year_problems(award: dict, row: dict) -> list[str]:
    """Why one counted year does not qualify (empty when it does)."""
    year, found = row["nam"], []
    code, label = required_level(award, year)
    regime = load_regime(review_regime(year))
    subject = regime.subject("ca_nhan" if award["recipient"] == "dang_vien" else "to_chuc")
    if row["xep_loai"] not in dict(subject.levels):
        names = "; ".join(f"{c} ({lb})" for c, lb in subject.levels)
        return [f"năm {year}: mức {row['xep_loai']} không dùng trong {regime.name}; các mức là: {names}"]
    if row["xep_loai"] != code:
        found.append(f"năm {year} xếp loại “{subject.label(row['xep_loai'])}”, hình thức này cần “{label}” mỗi năm")
    found += year_reasons(award, row, year, lambda y: year_title(award, y))
    return found


def proposal_problems(
    award_id: str, award: dict, proposal: dict, year: int, day: dt.date, where: list
) -> list[Problem]:
    title = "Kết quả xếp loại các năm"
    years = list(range(year - award["years"] + 1, year + 1))
    span = f"{award['years']} năm liền {years[0]}–{years[-1]}" if len(years) > 1 else f"năm {year}"
    rows: dict[int, tuple[int, dict]] = {}
    problems = []
    for k, row in enumerate(proposal["ket_qua"]):
        if row["nam"] in rows:
            problems.append(Problem(json_path(where + ["ket_qua", k, "nam"]), "Năm", f"năm {row['nam']} ghi hai lần"))
        rows[row["nam"]] = (k, row)
    for y in years:
        if y not in rows:
            problems.append(Problem(json_path(where + ["ket_qua"]), title, f"thiếu kết quả năm {y} (cần {span})"))
            continue
        k, row = rows[y]
        problems += [Problem(json_path(where + ["ket_qua", k]), title, text) for text in _year_problems(award, row)]
    problems += proposal_reasons(
        Proposal(award_id, award, rows, years, proposal.get("khen_thuong_truoc", []), day, where)
    )
    return problems


def _profile(document: dict, profile: str | None) -> tuple[Profile | None, str]:
    """The profile (None without one) and where it was named, for messages."""
    name = profile or document.get("profile")
    where = "--profile" if profile else "$.profile"
    if not name:
        return None, where
    try:
        return load_profile(name), where
    except ProfileError as exc:
        raise InputError([Problem(where, "Hồ sơ quy định địa phương", str(exc))]) from None


def profile_wages(document: dict, profile: str | None) -> list[dict]:
    """The profile's ``luong_co_so`` rows, checked (an ``InputError`` naming the profile and row)."""
    found, where = _profile(document, profile)
    if found is None or WAGE_KEY not in found.data:
        return []
    path = found.path
    problems = wage_row_problems(found.data[WAGE_KEY], f"hồ sơ {path.name}")
    if problems:
        raise InputError([Problem(where, "Hồ sơ quy định địa phương: mức lương cơ sở", text) for text in problems])
    return committee_wages(found.data[WAGE_KEY], path.name, f"hồ sơ {found.data.get('name') or path.stem}")


def _quotas(era: dict, document: dict, profile: str | None) -> dict:
    quotas = dict(era.get("quotas") or {})
    found, _ = _profile(document, profile)
    quotas = deep_merge(quotas, found.commendation_quotas if found else {})
    return {k: v for k, v in quotas.items() if v is not None}


def quotas_in_force(era: dict, profile: str | None = None) -> dict:
    """The era's quotas with a profile's over them (``InputError`` naming --profile when it cannot be read)."""
    return _quotas(era, {}, profile)


def quota_limit(quota: dict, base: int) -> tuple[Fraction, int]:
    """``rate × base`` exactly, and the whole number of proposals it allows (rounded down)."""
    allowed = exact(quota["rate"]) * base
    return allowed, math.floor(allowed)


def quota_problems(quotas: dict, proposals: list[dict], awards: dict, bases: dict) -> tuple[list[Problem], list[str]]:
    problems, shown = [], []
    for award_id, quota in quotas.items():
        count = sum(p["hinh_thuc"] == award_id for p in proposals)
        if not count or award_id not in awards:
            continue
        base = bases.get(quota["base"])
        label = f"“{award_id}” ({RECIPIENTS[awards[award_id]['recipient']]})"
        if base is None:
            problems.append(
                Problem(
                    f"$.co_so_ty_le.{quota['base']}",
                    "Số liệu để tính tỷ lệ khen thưởng",
                    f"cần để kiểm tra tỷ lệ khen thưởng {label}: không quá {quota['rate']} ({quota['rule']})",
                )
            )
            continue
        allowed, limit = quota_limit(quota, base)
        shown.append(
            f"{label}: không quá {quota['rate']} × {so(base)} = {so(allowed)} → tối đa {so(limit)}; "
            f"đề nghị {so(count)} ({quota['rule']})"
        )
        if count > limit:
            problems.append(
                Problem(
                    "$.de_nghi",
                    "Danh sách đề nghị khen thưởng",
                    f"đề nghị {so(count)} {label}, vượt tỷ lệ không quá {quota['rate']} của {so(base)} "
                    f"(tối đa {so(limit)}) theo {quota['rule']}",
                )
            )
    return problems, shown


def bonus(multiple: Fraction, wage: int) -> int:
    return int((Decimal(multiple.numerator) * wage / multiple.denominator).quantize(Decimal(1), ROUND_HALF_UP))


def evaluate_commendation(
    document: dict, profile: str | None = None, extra_wages: list[dict] | None = None
) -> CommendationEvaluation:
    """Check every proposal and price it; raises ``InputError`` when the date has no rules.
    ``extra_wages``: a committee's wage rows from a user file, used instead of the profile's."""
    day = dt.date.fromisoformat(document["ngay_lap"])
    era = era_on(day)
    first = rules_data()["eras"][0]["from"]
    if era is None:
        raise InputError(
            [
                Problem(
                    "$.ngay_lap",
                    "Ngày lập tờ trình",
                    f"kiemdiem có quy định khen thưởng từ ngày {ngay_ngan(first)}; ngày lập {ngay_ngan(day)} sớm hơn",
                )
            ]
        )
    wage_day = dt.date.fromisoformat(document.get("ngay_quyet_dinh") or document["ngay_lap"])
    wage = wage_on(wage_day, extra_wages if extra_wages is not None else profile_wages(document, profile))
    problems: list[Problem] = unfilled(document)
    if wage is None:
        raise InputError(
            [
                Problem(
                    "$.ngay_quyet_dinh",
                    "Ngày quyết định khen thưởng",
                    f"không có mức lương cơ sở trước ngày {ngay_ngan(_wages()[0]['from'])}",
                )
            ]
        )
    year = document["nam"]
    if year > day.year:
        problems.append(
            Problem("$.nam", "Năm được đề nghị khen thưởng", f"năm {year} sau ngày lập tờ trình ({ngay_ngan(day)})")
        )
    awards = catalogue(era)
    cap_uy = document["cap_uy"]
    lines = []
    for i, proposal in enumerate(document["de_nghi"]):
        where = ["de_nghi", i]
        award = awards.get(proposal["hinh_thuc"])
        if award is None:
            problems.append(
                Problem(
                    json_path(where + ["hinh_thuc"]),
                    "Hình thức khen thưởng",
                    f"hình thức “{proposal['hinh_thuc']}” không có theo {era['name']}; các hình thức: {', '.join(awards)}",
                )
            )
            continue
        if award["authority"] not in cap_uy:
            problems.append(
                Problem(
                    f"$.cap_uy.{award['authority']}",
                    rules_data()["authorities"][award["authority"]],
                    f"thiếu tên cấp ủy tặng {award['form']} cho đề nghị thứ {i + 1} ({proposal['ten']})",
                )
            )
            continue
        problems += proposal_problems(proposal["hinh_thuc"], award, proposal, year, day, where)
        multiple = exact(award["multiple"])
        years = list(range(year - award["years"] + 1, year + 1))
        lines.append(
            Line(
                i + 1,
                proposal["ten"],
                proposal.get("chuc_vu", ""),
                proposal["hinh_thuc"],
                _award_text(award, cap_uy),
                _achievement(award, years),
                award["recipient"],
                multiple,
                bonus(multiple, wage["amount"]),
            )
        )
    found, shown = quota_problems(
        _quotas(era, document, profile), document["de_nghi"], awards, document.get("co_so_ty_le") or {}
    )
    problems += found
    return CommendationEvaluation(
        era, wage, wage_day, lines, sum(ln.amount for ln in lines), shown, problems, document["so_ky_hieu"]
    )


def evaluate_form(document: dict, given: Given) -> CommendationEvaluation:
    """The registry's evaluator of a tờ trình; a profile for another regime is refused as for every form."""
    regime_of(document, given.profile)
    return evaluate_commendation(document, given.profile, given.wages)


def describe_awards(day: dt.date, extra_wages: list[dict] | None = None) -> list[str]:
    """`kiemdiem awards DATE`: the rules in force, every award id with what it needs and pays."""
    era = era_on(day)
    if era is None:
        return [f"Chưa có quy định khen thưởng trước ngày {ngay_ngan(rules_data()['eras'][0]['from'])}."]
    wage = wage_on(day, extra_wages)
    lines = [f"Quy định khen thưởng ngày {ngay_ngan(day)}: {era['name']}", "Căn cứ:"] + [
        f"  - {b}" for b in era["bases"]
    ]
    if wage:
        lines.append(
            f"Tiền thưởng tính theo {wage['name']} {tien(wage['amount'])} ({wage['decree']}, từ {ngay_ngan(wage['from'])})"
            + (f"; dòng của {wage['nguon']}." if wage.get("nguon") else ".")
        )
    lines.append('Hình thức (mã trong "hinh_thuc"):')
    for award_id, a in catalogue(era).items():
        needs = [f"{a['years']} năm liền" if a["years"] > 1 else "trong năm"]
        needs += described(a)
        amount = f" = {tien(bonus(exact(a['multiple']), wage['amount']))}" if wage else ""
        lines.append(
            f"  {award_id}: {a['form']} ({rules_data()['authorities'][a['authority']]}) cho {RECIPIENTS[a['recipient']]} — "
            f"{'; '.join(needs)}; {so(exact(a['multiple']))} lần {wage['name'] if wage else 'mức lương cơ sở'}{amount}"
        )
    for award_id, q in (era.get("quotas") or {}).items():
        lines.append(f"Tỷ lệ: “{award_id}” không quá {q['rate']} của {q['base']} ({q['rule']})")
    return lines
