"""Next year's workbook from the record (``kiemdiem workbook-template --from-history``, issue 17 §4).

The đảng bộ, its organisations and its members as the record holds them for the last year recorded before
the new one — current outcomes only, a year's correction in place of what it replaced — become a ``dang-bo``
document that ``generator.workbook.write_workbook`` writes as the usual workbook: names, dates, card
numbers, codes, the tree, and the members' positions of that year where the record has them. Levels,
scores, votes and texts stay empty: they are the new year's work. What the record cannot tell is left
empty and listed in ``Prefill.notes``, never guessed.

The tree: an organisation recorded with its kind keeps it; a chi bộ whose outcomes name a tổ chức cơ sở
other than itself is trực thuộc that đảng bộ cơ sở, one that names itself is a chi bộ cơ sở, one that
names none is a chi bộ trực thuộc the đảng bộ directly. An imported list of old years knows its chi bộ by
name only: their codes are made from the names (and said so).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Problem
from ..filenames import slug
from ..present.names import name_key as order_key
from .identity import name_key
from .models import Organisation, Outcome, Person
from .records import Positions

CHI_BO_CO_SO, CHI_BO_TRUC_THUOC, DANG_BO_CO_SO = "chi_bo_co_so", "chi_bo_truc_thuoc", "dang_bo_co_so"
_DIGITS = re.compile(r"(\d+)")


@dataclass
class Prefill:
    """What the record gives the new year's workbook, and what is left for the clerk."""

    year: int  # the new year
    from_year: int  # the year it came from
    dang_bo: str
    organisations: list[dict]  # {ma, ten, loai_to_chuc?, truc_thuoc?}, in the tree's order
    members: dict[str, list[dict]]  # chi bộ code → members in Vietnamese name order
    profile: str | None = None  # the local profile the year it came from used (when one)
    notes: list[str] = field(default_factory=list)  # what the record could not tell
    without_positions: int = 0  # members whose outcome holds no đối tượng (recorded before 0002, imported)

    @property
    def member_count(self) -> int:
        return sum(len(m) for m in self.members.values())

    def summary(self, member_input: str, profile: str | None) -> list[str]:
        """What the workbook holds and what is left to fill, in the clerk's words."""
        positions = member_input == "ban_kiem_diem"
        lines = [
            f"Sổ năm {self.year} của {self.dang_bo}, điền sẵn từ hồ sơ xếp loại năm {self.from_year}: "
            f"{len(self.organisations)} tổ chức, {self.member_count} đảng viên.",
            "Đã điền: tên đảng bộ, năm; mã, tên, loại tổ chức, tổ chức cấp trên; họ tên, ngày sinh, ngày vào Đảng, "
            "số thẻ đảng viên (nếu hồ sơ có), chi bộ"
            + (
                f", đối tượng, chức vụ và nhóm tính tỷ lệ (nếu đã ghi riêng) năm {self.from_year} của từng đảng viên."
                if positions
                else f", nhóm tính tỷ lệ (nếu đã ghi riêng) năm {self.from_year} của từng đảng viên."
            ),
            "Còn phải điền:",
            "  - trang “Đảng bộ”: cấp ủy cấp trên, số ký hiệu, địa danh, ngày lập, người ký, nơi nhận "
            "(hồ sơ xếp loại không lưu);",
            f"  - trang “Tổ chức”: ngày họp chi bộ, số đảng viên triệu tập, có mặt, biểu điểm năm {self.year};",
            "  - trang “Đảng viên”: đảng viên chính thức hay dự bị, có mặt, phiếu biểu quyết, "
            + (
                f"nội dung bản tự kiểm điểm năm {self.year}; xem lại đối tượng, chức vụ (của năm {self.from_year});"
                if positions
                else f"các cột đánh giá năm {self.year};"
            ),
            "  - đảng viên mới kết nạp hoặc chuyển đến, và đảng viên chưa có kết quả cuối cùng năm "
            f"{self.from_year} (hồ sơ chỉ ghi kết quả cuối cùng): thêm dòng; đảng viên đã chuyển đi: xóa dòng;",
        ]
        if positions and self.without_positions:
            lines.append(
                f"  - {self.without_positions} đảng viên chưa có đối tượng, chức vụ trong hồ sơ (ghi trước khi hồ sơ "
                "lưu chức vụ, hoặc nhập từ danh sách): để trống, cần điền cột “Đối tượng” và các cột chức vụ;"
            )
        lines += [f"  - {note};" for note in self.notes]
        if self.profile and not profile:
            lines.append(
                f"  - năm {self.from_year} dùng hồ sơ quy định địa phương “{self.profile}”; sổ này không dùng "
                f"(thêm --profile {self.profile} nếu năm {self.year} vẫn dùng);"
            )
        lines[-1] = lines[-1].removesuffix(";") + "."
        return lines

    def document(self, member_input: str, regime: str, profile: str | None) -> dict:
        """The ``dang-bo`` document for ``write_workbook``: each chi bộ's members embedded, as a bản tự
        kiểm điểm's ``dang_vien`` (2025 regimes) or as the list's own record (``member_input`` "record")."""
        to_chuc = []
        for org in self.organisations:
            org = dict(org)
            entries = [_entry(m, member_input) for m in self.members.get(org["ma"], [])]
            if entries:
                org["xep_loai"] = {"dang_vien": entries}
            to_chuc.append(org)
        header = {"form": "dang-bo", "regime": regime, "nam": self.year, "dang_bo": self.dang_bo, "to_chuc": to_chuc}
        if profile:
            header["profile"] = profile
        return header


def _entry(member: dict, member_input: str) -> dict:
    person = {k: member[k] for k in ("ho_ten", "ngay_sinh", "ngay_vao_dang", "so_the_dang_vien") if member.get(k)}
    positions = {k: member[k] for k in Positions.FIELDS if k != "nhom" and member.get(k)}
    entry = {"nhom": member["nhom"]} if member.get("nhom") else {}
    if member_input == "ban_kiem_diem":
        entry["ban_kiem_diem"] = {"dang_vien": {**person, **positions}}
    else:  # a list of records carries no đối tượng or chức vụ
        entry.update(person)
    return entry


def _natural(code: str) -> tuple:
    """ "kp5" before "kp10"."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(code))


def recorded(session: Session) -> dict[int, dict[str, str]]:
    """Year → {đảng bộ's name_key: its name as last recorded}, over current outcomes."""
    found: dict[int, dict[str, str]] = defaultdict(dict)
    last = func.max(Outcome.id)
    rows = session.execute(  # one row per year and spelling, not per outcome: a province's record is large
        select(Outcome.nam, Outcome.dang_bo, last)
        .where(Outcome.replaced_at.is_(None))
        .group_by(Outcome.nam, Outcome.dang_bo)
        .order_by(last)
    )
    for nam, dang_bo, _ in rows:
        found[nam][name_key(dang_bo)] = dang_bo  # the latest row's spelling wins
    return dict(found)


def choose(
    years: dict[int, dict[str, str]], year: int | None, dang_bo: str | None
) -> tuple[int, int, str, list[Problem]]:
    """(the new year, the year it comes from, the đảng bộ's key), or the problems naming the options."""
    problems: list[Problem] = []
    every = sorted({name for names in years.values() for name in names.values()}, key=name_key)
    wanted = name_key(dang_bo) if dang_bo and dang_bo.strip() else None
    if wanted is not None:
        years = {y: names for y, names in years.items() if wanted in names}
        if not years:
            shown = "; ".join(f"“{n}”" for n in every) if every else "chưa có đảng bộ nào"
            return (
                0,
                0,
                "",
                [Problem("--dang-bo", "Đảng bộ", f"hồ sơ không có đảng bộ “{dang_bo.strip()}” (có: {shown})")],
            )
    if not years:
        return 0, 0, "", [Problem("--from-history", "Hồ sơ xếp loại", "hồ sơ chưa ghi năm nào")]
    if year is None:
        year = max(years) + 1
    earlier = [y for y in years if y < year]
    if not earlier:
        listed = ", ".join(str(y) for y in sorted(years))
        return (
            year,
            0,
            "",
            [
                Problem(
                    "--year",
                    "Năm kiểm điểm",
                    f"hồ sơ chưa ghi năm nào trước năm {year}"
                    + (f" của “{years[min(years)][wanted]}”" if wanted else "")
                    + f" (các năm đã ghi: {listed}); sổ điền sẵn lấy từ năm đã ghi gần nhất trước năm này",
                )
            ],
        )
    source = max(earlier)
    names = years[source]
    if wanted is None and len(names) > 1:
        shown = "; ".join(f"“{n}”" for n in sorted(names.values(), key=name_key))
        problems.append(
            Problem(
                "--dang-bo",
                "Đảng bộ",
                f"năm {source} hồ sơ ghi {len(names)} đảng bộ: {shown}; chọn một bằng --dang-bo TÊN",
            )
        )
        return year, source, "", problems
    return year, source, wanted or next(iter(names)), []


def build(session: Session, year: int, source: int, key: str, shown: str) -> Prefill:
    """The đảng bộ ``key``'s organisations and members of year ``source``, for year ``year``."""
    spellings = {d for (d,) in session.execute(select(Outcome.dang_bo).where(Outcome.nam == source).distinct())}
    spellings = [d for d in spellings if name_key(d) == key]
    current = (Outcome.nam == source, Outcome.replaced_at.is_(None), Outcome.dang_bo.in_(spellings))
    known = {o.ma: o for o in session.scalars(select(Organisation).where(Organisation.dang_bo_chuan == key))}
    known_by_name = {name_key(o.ten): o for o in known.values()}
    orgs: dict[str, dict] = {}
    notes: list[str] = []
    made: dict[str, str] = {}  # name_key of a chi bộ known by name only → the code made for it
    profiles = Counter()

    def add(ma: str, ten: str | None) -> dict:
        if ma not in orgs:
            recorded_org = known.get(ma)
            orgs[ma] = {"ma": ma, "ten": recorded_org.ten if recorded_org else (ten or "")}
            if recorded_org is not None and recorded_org.loai:
                orgs[ma]["loai_to_chuc"] = recorded_org.loai
        return orgs[ma]

    def code_for(ten: str) -> str:
        """A chi bộ known by name only (an imported list): its recorded code, else one made from its name."""
        recorded_org = known_by_name.get(name_key(ten))
        if recorded_org is not None:
            return recorded_org.ma
        if name_key(ten) not in made:
            code, n = slug(ten, "chi-bo"), 1
            while code in known or code in orgs or code in made.values():
                n += 1
                code = f"{slug(ten, 'chi-bo')}-{n}"
            made[name_key(ten)] = code
        return made[name_key(ten)]

    def place(outcome: Outcome) -> None:
        """What the row tells of the tree: its chi bộ's kind and parent (a đảng bộ cơ sở's own row, none)."""
        if outcome.chi_bo_ma is not None or outcome.chi_bo_ten:
            ma = outcome.chi_bo_ma or code_for(outcome.chi_bo_ten)
            chi_bo = add(ma, outcome.chi_bo_ten)
            base = outcome.to_chuc_co_so_ma or (
                code_for(outcome.to_chuc_co_so_ten) if outcome.to_chuc_co_so_ten else None
            )
            if (
                base is not None
                and outcome.to_chuc_co_so_ma is None
                and name_key(outcome.to_chuc_co_so_ten) == name_key(outcome.chi_bo_ten or "")
            ):
                base = ma  # an imported list naming the chi bộ cơ sở as its own tổ chức cơ sở
            if base is not None and base != ma:
                add(base, outcome.to_chuc_co_so_ten).setdefault("loai_to_chuc", DANG_BO_CO_SO)
                chi_bo.setdefault("loai_to_chuc", CHI_BO_TRUC_THUOC)
                if chi_bo["loai_to_chuc"] == CHI_BO_TRUC_THUOC:
                    chi_bo.setdefault("truc_thuoc", base)
            elif base == ma:
                chi_bo.setdefault("loai_to_chuc", CHI_BO_CO_SO)
            elif outcome.chi_bo_ma is not None:  # a bulk run: a chi bộ with no tổ chức cơ sở is the đảng bộ's own
                chi_bo.setdefault("loai_to_chuc", CHI_BO_TRUC_THUOC)

    rows = session.execute(
        select(Outcome, Organisation).join(Organisation, Outcome.organisation_id == Organisation.id).where(*current)
    )
    for outcome, organisation in rows:
        profiles[outcome.profile] += 1
        org = add(organisation.ma, organisation.ten)
        if organisation.loai:
            org["loai_to_chuc"] = organisation.loai
        place(outcome)

    members: dict[str, list[dict]] = defaultdict(list)
    no_positions = 0
    rows = session.execute(select(Outcome, Person).join(Person, Outcome.person_id == Person.id).where(*current))
    for outcome, person in rows:
        profiles[outcome.profile] += 1
        place(outcome)
        ma = outcome.chi_bo_ma or (code_for(outcome.chi_bo_ten) if outcome.chi_bo_ten else None)
        if ma is None:
            notes.append(f"đảng viên “{person.ho_ten}”: hồ sơ không ghi chi bộ, chưa đưa vào sổ")
            continue
        member = {
            "ho_ten": person.ho_ten,
            "ngay_sinh": person.ngay_sinh.isoformat() if person.ngay_sinh else None,
            "ngay_vao_dang": person.ngay_vao_dang.isoformat() if person.ngay_vao_dang else None,
            "so_the_dang_vien": person.so_the_dang_vien,
            **{k: getattr(outcome, k) for k in Positions.FIELDS},
        }
        if not outcome.doi_tuong:
            no_positions += 1
        members[ma].append(member)
    for listed in members.values():
        listed.sort(key=lambda m: order_key(m["ho_ten"]))

    ordered = _tree_order(orgs)
    unknown = [o for o in ordered if not o.get("loai_to_chuc")]
    if unknown:
        notes.append(
            "chưa rõ loại tổ chức (hồ sơ không ghi), cần điền cột “Loại tổ chức đảng” và “Trực thuộc”: "
            + "; ".join(f"{o['ten']} ({o['ma']})" for o in unknown)
        )
    if made:
        notes.append(
            "hồ sơ chỉ ghi tên (không ghi mã) của các tổ chức sau, sổ đặt mã theo tên — sửa nếu cần: "
            + "; ".join(f"{orgs[c]['ten']} ({c})" for c in made.values() if c in orgs)
        )
    used = [p for p, _ in profiles.most_common() if p]
    return Prefill(year, source, shown, ordered, dict(members), used[0] if used else None, notes, no_positions)


def _tree_order(orgs: dict[str, dict]) -> list[dict]:
    """Each đảng bộ cơ sở followed by its chi bộ trực thuộc, then the chi bộ cơ sở, the đảng bộ's own chi bộ
    and the organisations of unknown kind; by code within each (kp5 before kp10)."""
    by_code = sorted(orgs.values(), key=lambda o: _natural(o["ma"]))
    out: list[dict] = []
    for base in (o for o in by_code if o.get("loai_to_chuc") == DANG_BO_CO_SO):
        out.append(base)
        out += [o for o in by_code if o.get("truc_thuoc") == base["ma"]]
    out += [o for o in by_code if o.get("loai_to_chuc") == CHI_BO_CO_SO]
    out += [o for o in by_code if o not in out]
    return out
