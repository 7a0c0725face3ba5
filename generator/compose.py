"""Fill each embedded document's shared fields from its đảng bộ and organisation.

A clerk types the regime, the year, the committee names and the place once, on
the đảng bộ and the organisation; every bản tự kiểm điểm, biểu điểm and báo cáo
gets them here unless it states its own. The statistics of a biểu điểm or report
are not typed at all: they are the results of the members and the organisations
below, which only the bulk run knows.
"""

from __future__ import annotations

import copy

from .errors import Problem
from .schema import load_schema, title_at
from .vietnamese import cap_uy

MEMBER_FORM, GROUP_FORM = "ban-tu-kiem-diem", "xep-loai-chi-bo"
SCORING_FORM, REPORT_FORM = "bieu-diem-tccsd", "bao-cao-kiem-diem-tap-the"
# Part B of the collective report is the organisation's biểu điểm: one scoring, printed twice.
FROM_SCORING = ("diem", "cap_do", "nhiem_vu", "dieu_kien", "tu_xep_loai", "ngay_thanh_lap")


def _common(header: dict) -> dict:
    out = {"regime": header["regime"], "nam": header["nam"], "dia_danh": header["dia_danh"]}
    if header.get("profile"):
        out["profile"] = header["profile"]
    return out


def _with(document: dict, defaults: dict) -> dict:
    out = copy.deepcopy(document)
    for key, value in defaults.items():
        out.setdefault(key, value)
    return out


def mismatches(document: dict, header: dict, where: str) -> list[Problem]:
    """A document that states another regime, year or profile than its đảng bộ is refused."""
    out = []
    for key, title in (
        ("regime", "Quy định áp dụng"),
        ("nam", "Năm kiểm điểm"),
        ("profile", "Hồ sơ quy định địa phương"),
    ):
        if key in document and document[key] != header.get(key):
            out.append(Problem(f"$.{key}", title, f"{where} ghi “{document[key]}”, khác đảng bộ (“{header.get(key)}”)"))
    return out


def group_document(document: dict, header: dict, org: dict, upper: str) -> dict:
    doc = _with(document, {"form": GROUP_FORM, **_common(header), "dang_bo": upper, "chi_bo": org["ten"]})
    doc.pop("dia_danh", None)  # the list has no place line
    for entry in doc.get("dang_vien") or []:
        member = entry.get("ban_kiem_diem") if isinstance(entry, dict) else None
        if isinstance(member, dict):
            entry["ban_kiem_diem"] = _with(
                member,
                {
                    "form": MEMBER_FORM,
                    **_common(header),
                    "dang_bo": upper,
                    "chi_bo": org["ten"],
                    "ngay_lap": doc.get("ngay_hop", header["ngay_lap"]),
                },
            )
    return doc


def _recipients(org: dict, upper: str) -> list[str]:
    own = "Lưu Văn phòng Đảng ủy" if org["loai_to_chuc"] == "dang_bo_co_so" else "Lưu Chi bộ"
    return [f"{cap_uy(upper)} (để báo cáo)", own]


def _organisation_document(
    form: str, names: tuple[str, str], document: dict, header: dict, org: dict, upper: str, stats: dict
) -> dict:
    name_key, kind_key = names
    return _with(
        document,
        {
            "form": form,
            **_common(header),
            "dang_bo": upper,
            name_key: org["ten"],
            kind_key: org["loai_to_chuc"],
            "ngay_lap": header["ngay_lap"],
            "noi_nhan": _recipients(org, upper),
            **stats,
        },
    )


def scoring_document(document: dict, header: dict, org: dict, upper: str, stats: dict) -> dict:
    return _organisation_document(SCORING_FORM, ("to_chuc", "loai_to_chuc"), document, header, org, upper, stats)


def report_document(
    document: dict, header: dict, org: dict, upper: str, stats: dict, scoring: dict | None = None
) -> dict:
    """The report, its part B taken from the biểu điểm where the report does not state it."""
    taken = {k: copy.deepcopy(scoring[k]) for k in FROM_SCORING if scoring and k in scoring}
    return _organisation_document(
        REPORT_FORM, ("tap_the", "loai_tap_the"), document, header, org, upper, {**taken, **stats}
    )


def scoring_problems(report: dict, scoring: dict | None) -> list[Problem]:
    """A report whose part B says otherwise than the organisation's biểu điểm."""
    if not scoring:
        return []
    schema = load_schema(REPORT_FORM)
    return [
        Problem(
            f"$.{key}",
            title_at(schema, [key]),
            "khác biểu điểm tự chấm của tổ chức; bỏ trường này khỏi báo cáo để lấy từ biểu điểm",
        )
        for key in FROM_SCORING
        if key in report and key in scoring and report[key] != scoring[key]
    ]


def stats_problems(document: dict, stats: dict) -> list[Problem]:
    """Typed statistics that contradict the computed ones."""
    titles = {"thong_ke_dang_vien": "Thống kê xếp loại đảng viên", "thong_ke_to_chuc": "Thống kê xếp loại tổ chức đảng"}
    return [
        Problem(f"$.{key}", titles[key], f"khác kết quả xếp loại tính được từ danh sách ({value})")
        for key, value in stats.items()
        if key in document and document[key] != value
    ]
