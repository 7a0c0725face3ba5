"""What the residence comment (Mẫu 3-213) prints: given values, or dotted space to write by hand.

The same sheet serves a chi ủy that fills it on a computer and one that prints
it blank: a missing field prints a dotted leader, a missing comment three dotted
lines, a missing date "…, ngày … tháng … năm …", a missing signer an empty name.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from ..evaluate.residence import FORM
from ..schema import load_schema, node_at
from ..vietnamese import cap_uy, dia_danh_ngay, in_hoa, ngay_ngan
from .fields import paragraphs
from .header_lines import hd36_header
from .meeting_forms import meeting_context

DOTS = "…" * 12
LINE = "…" * 30
BLANK_LINES = 3
ITEMS = (
    ("nghia_vu_cong_dan", "Gương mẫu thực hiện nghĩa vụ công dân nơi cư trú"),
    ("tham_gia_sinh_hoat", "Tham dự hội nghị, sinh hoạt, các hoạt động ở nơi cư trú"),
    ("giu_moi_lien_he", "Giữ mối liên hệ với chi ủy, chi bộ và nhân dân nơi cư trú"),
    ("y_kien_khac", "Ý kiến khác"),
)
FIELDS = (
    ("ho_ten", "Họ và tên đảng viên"),
    ("ngay_sinh", "Ngày sinh"),
    ("noi_cu_tru", "Nơi cư trú"),
    ("chuc_vu", "Chức vụ, đơn vị công tác"),
    ("chi_bo_sinh_hoat", "Chi bộ đang sinh hoạt"),
    ("dang_bo_sinh_hoat", "Đảng bộ đang sinh hoạt"),
)


@cache
def _titles(*path: str) -> dict[str, str]:
    """Codes → printed titles of a signer's field, as the form's schema names them."""
    return {o["const"]: o["title"] for o in node_at(load_schema(FORM), path)["oneOf"]}


def _date_line(document: dict) -> str:
    if "ngay_lap" in document:
        return dia_danh_ngay(document["dia_danh"], dt.date.fromisoformat(document["ngay_lap"]))
    return f"{document.get('dia_danh', '…' * 6)}, ngày …… tháng …… năm ……"


def _value(member: dict, key: str) -> str:
    value = member.get(key)
    if value is None:
        return "…" * 18
    return ngay_ngan(dt.date.fromisoformat(value)) if key == "ngay_sinh" else value


def residence_layout(document: dict, ev) -> dict:
    member = document.get("dang_vien") or {}
    comments = document.get("nhan_xet") or {}
    sign, confirm = document.get("ky"), document.get("xac_nhan")
    upper = document.get("dang_bo_noi_cu_tru")
    return {
        "ma_mau": "Mẫu 3-213",
        **hd36_header(upper, document.get("chi_bo_noi_cu_tru"), "chi_bo_in_hoa", _date_line(document), empty=DOTS),
        "tieu_de": "PHIẾU NHẬN XÉT",
        "trich_yeu": (
            "đảng viên đang công tác giữ mối liên hệ với chi ủy, chi bộ và nhân dân nơi cư trú "
            f"năm {document.get('nam', '……')}"
        ),
        "thong_tin": [{"nhan": label, "gia_tri": _value(member, key)} for key, label in FIELDS],
        "dan": (
            "Thực hiện Quy định 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị và Hướng dẫn 33-HD/BTCTW ngày "
            "30/10/2020 của Ban Tổ chức Trung ương, chi ủy, chi bộ nơi cư trú nhận xét đảng viên như sau:"
        ),
        "muc": [
            {
                "ten": f"{i}. {label}",
                "doan": paragraphs(comments[key]) if key in comments else [],
                "dong_cham": [] if key in comments else [LINE] * BLANK_LINES,
            }
            for i, (key, label) in enumerate(ITEMS, 1)
        ],
        "xac_nhan": {
            "tieu_de": f"XÁC NHẬN CỦA {in_hoa(cap_uy(upper))}" if upper else "XÁC NHẬN CỦA ĐẢNG ỦY XÃ, PHƯỜNG",
            "chuc_danh": [
                "T/M ĐẢNG ỦY",
                _titles("xac_nhan", "chuc_vu_nguoi_ky")[confirm["chuc_vu_nguoi_ky"]] if confirm else "BÍ THƯ",
            ],
            "nguoi_ky": confirm["nguoi_ky"] if confirm else "",
        },
        "ky": {
            "chuc_danh": (
                [
                    _titles("ky", "thay_mat")[sign["thay_mat"]],
                    _titles("ky", "chuc_vu_nguoi_ky")[sign["chuc_vu_nguoi_ky"]],
                ]
                if sign
                else ["T/M CHI ỦY (CHI BỘ)", "BÍ THƯ"]
            ),
            "nguoi_ky": sign["nguoi_ky"] if sign else "",
        },
    }


def residence_context(document: dict, ev) -> dict:
    """The registry's presenter of a residence comment (generator/forms.py)."""
    return meeting_context(document, ev.as_dict(), residence_layout(document, ev))
