"""What a đảng bộ's three bulk-run documents print, from the plain results of the run.

``summary_contexts(summary)`` turns the dict a bulk run builds (see
``generator.bulk.runner.build_summary``) into one context per document, by template name:

``danh-sach-xep-loai-dang-vien`` (``list_context``)
    the members chi bộ by chi bộ, in the order given, and their levels with counts and shares;
``bao-cao-tong-hop-xep-loai`` (``report_context``)
    organisations and members per level, who is not rated or has no result yet, and the
    top level as a share of the base level per quota scope and group;
``bao-cao-ty-le-xep-loai`` (``quota_context``)
    per quota scope and group: the base, the computation, who is kept, cut or left to the đảng ủy.

Every figure is computed here from the rows, never typed; shares are of those rated, and a
share with nothing to divide prints "—". Rows keep the summary's order, except that the list puts the members of one group together within a chi bộ.
Level names come from ``member_levels`` (first: the level the quota limits, second: its base),
the committee from ``dang_bo`` ("Đảng bộ X" → "Đảng ủy X"), the signer's titles from the
shared schema (``schemas/shared/chung.defs.json`` ``$defs.ky``). Text is NFC.

Keys every context has: ``dang_bo``, ``nam``, ``regime_name``, ``ky`` (``thay_mat``,
``chuc_vu_nguoi_ky``, ``nguoi_ky``), ``noi_nhan`` (list) and ``trinh_bay`` with
``dang_bo_in_hoa`` (upper committee in capitals, or ""), ``co_quan``, ``co_quan_in_hoa``,
``dia_danh_ngay``, ``muc_cao`` (and ``muc_cao_in_hoa``), ``muc_co_so``; the documents' own keys are listed in each
function and in templates/<name>/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import Counter
from fractions import Fraction
from functools import cache

from ..resources import schemas_dir
from ..vietnamese import cap_uy, dia_danh_ngay, in_hoa, mot_dong, phan_tram, so
from .header_lines import fit_beside_date, hd36_header

LIST, REPORT, QUOTA = "danh-sach-xep-loai-dang-vien", "bao-cao-tong-hop-xep-loai", "bao-cao-ty-le-xep-loai"
NOT_RATED, PENDING, UNDECIDED = "NOT_RATED", "pending", "UNDECIDED"
TIE_LEVEL = "Chờ đảng ủy quyết định"
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


# ---------------------------------------------------------------- small helpers
def share(part: int, whole: int) -> str:
    """``part`` of ``whole`` as the Party writes it ("33,33%"); "—" when there is nothing to divide."""
    return phan_tram(Fraction(part, whole)) if whole else "—"


def la_ma(n: int) -> str:
    """Roman numerals for the chi bộ headings of the list: 4 → "IV"."""
    out = ""
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _nfc(value):
    """Every string of the summary in NFC (names typed on a Mac arrive decomposed)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_nfc(v) for v in value]
    return value


def _date(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _score(value) -> str:
    return so(value) if value is not None else ""


def _people(n: int) -> str:
    return f"{so(n)} đồng chí"


@cache
def _signer_titles() -> dict[str, dict[str, str]]:
    """Codes → printed titles of the signature block, as the shared schema defines them."""
    ky = json.loads((schemas_dir() / "shared" / "chung.defs.json").read_text(encoding="utf-8"))["$defs"]["ky"][
        "properties"
    ]
    return {key: {o["const"]: o["title"] for o in ky[key]["oneOf"]} for key in ("thay_mat", "chuc_vu_nguoi_ky")}


def _is_dang_bo(name: str) -> bool:
    return name.casefold().startswith("đảng bộ")


def _common(summary: dict) -> dict:
    typed, typed_upper = summary["dang_bo"], summary.get("cap_tren")  # with the header's typed breaks
    dang_bo, upper = mot_dong(typed), typed_upper and mot_dong(typed_upper)
    titles = _signer_titles()
    ky = summary.get("ky") or {
        "thay_mat": "dang_uy" if _is_dang_bo(dang_bo) else "chi_uy",
        "chuc_vu_nguoi_ky": "bi_thu",
        "nguoi_ky": "",
    }
    filing = "Lưu Văn phòng Đảng ủy" if _is_dang_bo(dang_bo) else f"Lưu {dang_bo}"
    levels = summary["member_levels"]
    common = {
        "dang_bo": dang_bo,
        "nam": summary["nam"],
        "regime_name": summary["regime_name"],
        "trinh_bay": {
            **hd36_header(
                typed_upper if upper else None,
                cap_uy(typed),
                "co_quan_in_hoa",
                dia_danh_ngay(summary["dia_danh"], _date(summary["ngay_lap"])),
            ),
            "co_quan": cap_uy(dang_bo),
            "muc_cao": levels[0][1] if levels else "",
            "muc_cao_in_hoa": in_hoa(levels[0][1]) if levels else "",
            "muc_co_so": levels[1][1] if len(levels) > 1 else "",
        },
        "ky": {
            "thay_mat": titles["thay_mat"].get(ky["thay_mat"], ky["thay_mat"]),
            "chuc_vu_nguoi_ky": titles["chuc_vu_nguoi_ky"].get(ky["chuc_vu_nguoi_ky"], ky["chuc_vu_nguoi_ky"]),
            "nguoi_ky": ky.get("nguoi_ky") or "",
        },
        "noi_nhan": summary.get("noi_nhan") or [*([f"{upper} (để báo cáo)"] if upper else []), filing],
    }
    fit_beside_date(common["trinh_bay"])
    return common


def _number(summary: dict, document: str) -> str:
    """The "Số 12-BC/ĐU" line under the star of one of the đảng ủy's documents, or "" (dang-bo ``so_ky_hieu``)."""
    number = (summary.get("so_ky_hieu") or {}).get(document)
    return f"Số {number}" if number else ""


def _with(common: dict, **layout) -> dict:
    return {**common, "trinh_bay": {**common["trinh_bay"], **layout}}


def _level_rows(levels: list, counts: Counter, rated: int) -> tuple[list[dict], dict]:
    """One row per level (a level nobody reached shows 0) and the total row."""
    rows = [
        {"muc": label, "so_luong": so(counts.get(code, 0)), "ty_le": share(counts.get(code, 0), rated)}
        for code, label in levels
    ]
    return rows, {"so_luong": so(rated), "ty_le": share(rated, rated)}


# ---------------------------------------------------------------- members
def member_category(member: dict) -> str:
    """A member's final level, NOT_RATED, or "pending": no level reached the vote threshold,
    or tied at the quota's last place until the đảng ủy decides."""
    return PENDING if member["level"] is None or member.get("quota") == "tie" else member["level"]


def member_counts(summary: dict) -> dict:
    """Members: total, rated (a final level), not rated by the rules, without a result yet.
    Counted from ``members``; from ``member_counts`` (level code, "NOT_RATED" or "not_rated",
    "pending" → number) when the summary keeps counts only."""
    if summary.get("members") is None and "member_counts" in summary:
        levels = Counter(summary["member_counts"])
        levels[NOT_RATED] += levels.pop("not_rated", 0)
    else:
        levels = Counter(member_category(m) for m in summary.get("members") or [])
    rated = sum(levels.get(code, 0) for code, _ in summary["member_levels"])
    return {
        "total": sum(levels.values()),
        "rated": rated,
        "not_rated": levels.get(NOT_RATED, 0),
        "pending": levels.get(PENDING, 0) + levels.get(UNDECIDED, 0),
        "undecided": levels.get(UNDECIDED, 0),
        "levels": levels,
    }


def _member_totals(summary: dict) -> dict:
    counts = member_counts(summary)
    rows, total = _level_rows(summary["member_levels"], counts["levels"], counts["rated"])
    return {
        "dang_vien_tong": (
            f"Tổng số đảng viên: {so(counts['total'])}; được xếp loại: {so(counts['rated'])}; "
            f"không xếp loại: {so(counts['not_rated'])}; chưa có kết quả xếp loại: {so(counts['pending'])}"
            + (
                f" (trong đó chờ cấp có thẩm quyền quyết định: {so(counts['undecided'])})"
                if counts["undecided"]
                else ""
            )
            + "."
        ),
        "dang_vien_muc": rows,
        "dang_vien_cong": total,
    }


def _note(member: dict, top: str) -> str:
    """Short enough for the list's last column; the quota report gives the computation. What the years
    before point out (``past_notes``, history/past.py: a change of more than one level, two years at the
    lowest) follows."""
    if member.get("quota") == "cut":
        note = f"Vượt tỷ lệ {top} của nhóm" if top else "Vượt tỷ lệ của nhóm"
    elif member.get("quota") == "tie":
        note = "Bằng số phiếu ở vị trí cuối của tỷ lệ"
    else:
        note = member.get("note") or ""
    return with_past(note, member)


def with_past(note: str, member: dict) -> str:
    """A member's note followed by what the years before point out (the danh sách's PDF, DOCX and XLSX alike)."""
    return "; ".join(filter(None, [note, *member.get("past_notes", ())]))


def _grouped_rows(rows: list[dict]) -> list[dict]:
    """The rows as printed: each run of one member group under a heading row naming it once
    (``{dau_nhom: True, nhom}``), then its members (``dau_nhom: False``)."""
    out, current = [], None
    for row in rows:
        if row["nhom"] != current:
            current = row["nhom"]
            if current:
                out.append({"dau_nhom": True, "nhom": current})
        out.append({**row, "dau_nhom": False})
    return out


def list_context(summary: dict) -> dict:
    """Danh sách xếp loại chất lượng đảng viên. Needs ``members`` (``organisations`` etc. are optional).

    ``trinh_bay.chi_bo``: one group per run of members of the same chi bộ, in the given order,
    ``{so_la_ma, ten, dong, hang}`` — ``ten`` is "" when the list holds only the đảng bộ's own chi bộ
    (no heading row); each row ``{stt, ho_ten, chi_bo, nhom, diem, xep_loai, ghi_chu}``, numbered
    within its chi bộ; ``hang``: the rows as printed, each member group named once in a heading row. ``trinh_bay.dong``: the same rows in one list. ``trinh_bay.dang_vien_tong``
    (sentence), ``dang_vien_muc`` (``{muc, so_luong, ty_le}`` per level), ``dang_vien_cong``
    (``{so_luong, ty_le}``)."""
    summary = _nfc(summary)
    common = _common(summary)
    top = common["trinh_bay"]["muc_cao"]
    groups: list[dict] = []
    for m in summary["members"]:
        chi_bo = mot_dong(m["chi_bo"])
        if not groups or groups[-1]["ten"] != chi_bo:
            groups.append({"so_la_ma": la_ma(len(groups) + 1), "ten": chi_bo, "dong": []})
        groups[-1]["dong"].append(
            {
                "ho_ten": m["ho_ten"],
                "chi_bo": chi_bo,
                "nhom": m.get("nhom") or "",
                "diem": _score(m.get("score")),
                "xep_loai": TIE_LEVEL if m.get("quota") == "tie" else m["level_label"],
                "ghi_chu": _note(m, top),
            }
        )
    if len(groups) == 1 and groups[0]["ten"] == common["dang_bo"]:
        groups[0]["ten"] = ""
    for g in groups:  # within a chi bộ, members of one group together (in the order the groups first appear)
        first = {}
        for row in g["dong"]:
            first.setdefault(row["nhom"], len(first))
        g["dong"] = [
            {"stt": str(i), **row} for i, row in enumerate(sorted(g["dong"], key=lambda r: first[r["nhom"]]), 1)
        ]
        g["hang"] = _grouped_rows(g["dong"])
    return _with(
        common,
        chi_bo=groups,
        dong=[r for g in groups for r in g["dong"]],
        **_member_totals(summary),
        so_ky_hieu=_number(summary, "danh_sach"),
    )


# ---------------------------------------------------------------- the year before
def _change(now: int, before: int) -> str:
    return f"tăng {so(now - before)}" if now > before else f"giảm {so(before - now)}" if now < before else "không đổi"


def _beside(levels: list, now: Counter, before: dict | None, what: str, year: int) -> tuple[list[dict], str]:
    """Each level's count and share this year beside the year before (history/past.py counts), and a sentence
    when they cannot be compared (no record of that year, or levels of other names)."""
    if not before:
        return [], ""
    codes = [code for code, _ in levels]
    other = sorted(code for code, n in before.items() if n and code != NOT_RATED and code not in codes)
    if other:
        return [], f"Năm {year} {what} được xếp loại theo các mức khác ({', '.join(other)}): không so sánh từng mức."
    rated_now = sum(now.get(c, 0) for c in codes)
    rated_before = sum(before.get(c, 0) for c in codes)
    rows = [
        {
            "muc": label,
            "nam_truoc": f"{so(before.get(code, 0))} ({share(before.get(code, 0), rated_before)})",
            "nam_nay": f"{so(now.get(code, 0))} ({share(now.get(code, 0), rated_now)})",
            "thay_doi": _change(now.get(code, 0), before.get(code, 0)),
        }
        for code, label in levels
    ]
    rows.append(
        {
            "muc": "Tổng số được xếp loại",
            "nam_truoc": so(rated_before),
            "nam_nay": so(rated_now),
            "thay_doi": _change(rated_now, rated_before),
        }
    )
    return rows, ""


def _years_before(summary: dict, org_levels: Counter, member_levels: Counter) -> dict:
    """``so_sanh_dan`` (the sentence before the tables, "" without the year before), ``so_sanh_to_chuc`` and
    ``so_sanh_dang_vien`` (``{muc, nam_truoc, nam_nay, thay_doi}``), ``so_sanh_khac`` (sentences when levels
    cannot be compared), ``hai_nam`` (members at the lowest level two years running, "Name (chi bộ): years")
    and ``hai_nam_dan`` (what the rule says: the summary's ``hai_nam_quy_dinh``, from past-levels.yaml)."""
    before = summary.get("nam_truoc")
    flagged = summary.get("hai_nam_thap_nhat") or []
    year = before["nam"] if before else None
    orgs, orgs_note = _beside(
        summary["org_levels"], org_levels, (before or {}).get("organisations"), "các tổ chức đảng", year
    )
    members, members_note = _beside(
        summary["member_levels"], member_levels, (before or {}).get("members"), "đảng viên", year
    )
    return {
        "so_sanh_dan": (
            f"So với năm {year} (theo hồ sơ xếp loại các năm; số lượng và tỷ lệ trong số được xếp loại):"
            if orgs or members
            else ""
        ),
        "so_sanh_to_chuc": orgs,
        "so_sanh_dang_vien": members,
        "so_sanh_khac": [n for n in (orgs_note, members_note) if n],
        "hai_nam": [f"{f['ho_ten']} ({f['chi_bo']}): {', '.join(str(y) for y in f['years'])}" for f in flagged],
        "hai_nam_dan": summary.get("hai_nam_quy_dinh") or "" if flagged else "",
        "hai_nam_muc": flagged[0]["level_label"] if flagged else "",
    }


# ---------------------------------------------------------------- the report
def report_context(summary: dict) -> dict:
    """Báo cáo tổng hợp. Works from ``member_counts`` when the summary has no ``members``.

    ``trinh_bay``: ``to_chuc_tong`` (sentence), ``to_chuc_muc`` / ``to_chuc_cong`` (levels and
    total row), ``to_chuc`` (``{stt, ten, so_dang_vien, diem, xep_loai}``); ``dang_vien_tong``,
    ``dang_vien_muc``, ``dang_vien_cong``; ``khong_xep_loai`` and ``chua_co_ket_qua`` (lines
    "Name (chi bộ): reason"); ``ty_le`` (``{stt, pham_vi, nhom, co_so, dat, ty_le, toi_da,
    bang_phieu}`` per quota scope and group), ``ty_le_dan`` (the sentence before that table) and
    ``khong_co_ty_le`` (a sentence when there is no group, else ""); ``loi`` (records skipped, or "")."""
    summary = _nfc(summary)
    common = _common(summary)
    top, base = common["trinh_bay"]["muc_cao"], common["trinh_bay"]["muc_co_so"]
    orgs = summary.get("organisations") or []
    org_levels = Counter(o["level"] for o in orgs)
    orgs_rated = sum(org_levels.get(code, 0) for code, _ in summary["org_levels"])
    org_rows, org_total = _level_rows(summary["org_levels"], org_levels, orgs_rated)
    shares = [
        {
            "stt": str(i),
            "pham_vi": q["scope"],
            "nhom": q["group"],
            "co_so": so(q["base_count"]),
            "dat": so(len(q["selected"])),
            "ty_le": (
                f"{so(len(q['selected']))}/{so(q['base_count'])} = {share(len(q['selected']), q['base_count'])}"
                if q["base_count"]
                else "—"
            ),
            "toi_da": f"{q['rate']}, tối đa {so(q['limit'])}",
            "bang_phieu": so(len(q["tie"])),
        }
        for i, q in enumerate(summary.get("quotas") or [], 1)
    ]
    errors = summary.get("errors") or []

    def who(people):
        return [
            f"{p['ho_ten']} ({p['chi_bo']}): {p['reason']}" if p.get("reason") else f"{p['ho_ten']} ({p['chi_bo']})"
            for p in people or []
        ]

    return _with(
        common,
        so_ky_hieu=_number(summary, "bao_cao_tong_hop"),
        to_chuc_tong=(
            f"Tổng số tổ chức đảng: {so(len(orgs))}; được xếp loại: {so(orgs_rated)}; "
            f"chưa xếp loại: {so(len(orgs) - orgs_rated)}."
        ),
        to_chuc_muc=org_rows,
        to_chuc_cong=org_total,
        to_chuc=[
            {
                "stt": str(i),
                "ten": o["ten"],
                "so_dang_vien": so(o["so_dang_vien"]) if o.get("so_dang_vien") is not None else "",
                "diem": _score(o.get("score")),
                "xep_loai": o["level_label"],
            }
            for i, o in enumerate(orgs, 1)
        ],
        **_member_totals(summary),
        **_years_before(summary, org_levels, member_counts(summary)["levels"]),
        khong_xep_loai=who(summary.get("not_rated")),
        chua_co_ket_qua=who(summary.get("pending")),
        ty_le=shares,
        ty_le_dan=(
            f"Số đảng viên {top} so với số đảng viên {base} (cơ sở tính tỷ lệ), theo từng phạm vi và nhóm "
            f"đối tượng; chi tiết tại báo cáo việc thực hiện tỷ lệ kèm theo:"
        ),
        khong_co_ty_le="" if shares else f"Không có nhóm nào có đảng viên đạt mức {top}.",
        loi=f"Có {so(len(errors))} bản ghi chưa xử lý được (xem danh sách lỗi kèm theo)." if errors else "",
    )


# ---------------------------------------------------------------- the quota report
def _scope_of(summary: dict) -> dict[str, set]:
    """chi bộ code → the names it may be counted under (itself, the đảng bộ it belongs to)."""
    return {o["ma"]: {o["ten"], o.get("truc_thuoc")} for o in summary.get("organisations") or []}


def _named(summary: dict, quota: dict, status: str) -> list[str]:
    """The quota's names, each with its chi bộ when the rows say which (two "Nguyễn Văn An" differ)."""
    scopes = _scope_of(summary)
    pool = [
        m
        for m in summary.get("members") or []
        if m.get("quota") == status and quota["scope"] in scopes.get(m.get("chi_bo_ma"), {quota["scope"]})
    ]
    pool.sort(key=lambda m: m.get("nhom") != quota["group"])  # stable: same group first, given order kept
    names = []
    for name in quota[status]:
        match = next((m for m in pool if m["ho_ten"] == name), None)
        if match is not None:
            pool.remove(match)
        names.append(f"{name} ({mot_dong(match['chi_bo'])})" if match and match["chi_bo"] != quota["scope"] else name)
    return names


def quota_context(summary: dict) -> dict:
    """Báo cáo việc thực hiện tỷ lệ. ``trinh_bay.can_cu`` (the rules cited, else the regime),
    ``trinh_bay.nhom`` (``{tieu_de, dong}``: a heading and its lines per scope and group),
    ``trinh_bay.khong_co`` (a sentence when there is no group, else "")."""
    summary = _nfc(summary)
    common = _common(summary)
    top, base = common["trinh_bay"]["muc_cao"], common["trinh_bay"]["muc_co_so"]
    groups = []
    for i, q in enumerate(summary.get("quotas") or [], 1):
        lines = [
            f"Số đảng viên của nhóm: {so(q['members'])}; số đảng viên xếp loại {base} (cơ sở tính tỷ lệ): "
            f"{so(q['base_count'])}.",
            f"Tỷ lệ tối đa {q['rate']}: {q['computation']}.",
            f"Số đồng chí được chi bộ biểu quyết mức {top}: {so(q['candidates'])}.",
        ]
        for key, label in (
            ("selected", f"Giữ mức {top}"),
            ("cut", f"Vượt tỷ lệ, xếp loại {base}"),
            ("tie", "Bằng số phiếu ở vị trí cuối của tỷ lệ, đề nghị đảng ủy xem xét, quyết định"),
        ):
            names = _named(summary, q, key)
            lines.append(f"{label} ({_people(len(names))}): {', '.join(names)}." if names else f"{label}: không có.")
        if q.get("rule"):
            lines.append(f"Căn cứ: {q['rule']}.")
        groups.append({"tieu_de": f"{i}. {q['scope']}, nhóm “{q['group']}”", "dong": lines})
    org_quotas = summary.get("org_quotas") or []
    for i, q in enumerate(org_quotas, len(groups) + 1):
        lines = [
            f"Số tổ chức của nhóm: {so(q['members'])}; số tổ chức xếp loại {base} (cơ sở tính tỷ lệ): "
            f"{so(q['base_count'])}.",
            f"Tỷ lệ tối đa {q['rate']}: {q['computation']}.",
            f"Số tổ chức đạt mức {top} theo điểm và điều kiện: {so(q['candidates'])} (xếp theo điểm từ cao xuống thấp).",
        ]
        for key, label in (
            ("selected", f"Giữ mức {top}"),
            ("cut", f"Vượt tỷ lệ, xếp loại {base}"),
            ("tie", "Bằng điểm ở vị trí cuối của tỷ lệ, đề nghị cấp có thẩm quyền xem xét, quyết định"),
        ):
            names = q[key]
            lines.append(f"{label} ({so(len(names))} tổ chức): {', '.join(names)}." if names else f"{label}: không có.")
        if q.get("rule"):
            lines.append(f"Căn cứ: {q['rule']}.")
        groups.append({"tieu_de": f"{i}. {q['scope']}, nhóm “{q['group']}” (tập thể)", "dong": lines})
    every = (summary.get("quotas") or []) + org_quotas
    rules = list(dict.fromkeys(q["rule"] for q in every if q.get("rule")))
    return _with(
        common,
        nhom=groups,
        can_cu="; ".join(rules) if rules else summary["regime_name"],
        so_ky_hieu=_number(summary, "bao_cao_ty_le"),
        khong_co="" if groups else f"Không có nhóm nào có đảng viên hoặc tổ chức đạt mức {top}.",
    )


# ---------------------------------------------------------------- all at once
def report_contexts(summary: dict) -> dict[str, dict]:
    """The đảng bộ's two reports, by template name (they need no ``members``)."""
    return {REPORT: report_context(summary), QUOTA: quota_context(summary)}


def summary_contexts(summary: dict) -> dict[str, dict]:
    """The three documents, by template name: the list (needs ``members``) and the two reports."""
    return {LIST: list_context(summary), **report_contexts(summary)}
