"""The tờ trình's printed text: legal bases, the proposals grouped as the body states them,
the attached list with each bonus in figures, and the total in figures and in words."""

from __future__ import annotations

import datetime as dt

from ..evaluate.commendation import RECIPIENTS, CommendationEvaluation
from ..schema import load_schema
from ..vietnamese import dia_danh_ngay, ngay_ngan, so, tien, tien_bang_chu
from .fields import present_value
from .header_lines import hd36_header

_FORM_ORDER = ("Giấy khen", "Bằng khen", "Cờ")


def _groups(ev: CommendationEvaluation) -> list[dict]:
    """ "Giấy khen của … cho 02 đảng viên đạt “…” 5 năm liền (2021–2025)", in the list's order."""
    groups: dict[tuple[str, str, str], list] = {}
    for line in ev.proposals:
        groups.setdefault((line.award, line.recipient, line.achievement), []).append(line)
    out = []
    for (award, recipient, achievement), lines in groups.items():
        out.append(
            {
                "text": f"{award} cho {len(lines):02d} {RECIPIENTS[recipient]} đạt {achievement}",
                "so_tien": tien(sum(ln.amount for ln in lines)),
            }
        )
    return out


def commendation_layout(document: dict, ev: CommendationEvaluation) -> dict:
    day = dt.date.fromisoformat(document["ngay_lap"])
    forms = {line.award.split(" của ")[0] for line in ev.proposals}
    bases = ev.era["bases"] + document.get("can_cu_them", [])
    wage = ev.wage
    return {
        **hd36_header(
            document["dang_bo"], document["co_quan_trinh"], "co_quan_in_hoa", dia_danh_ngay(document["dia_danh"], day)
        ),
        "so_ky_hieu": f"Số {document['so_ky_hieu']}",
        "trich_yeu": f"về việc đề nghị tặng {', '.join(f for f in _FORM_ORDER if f in forms)} năm {document['nam']}",
        "quy_dinh": ev.era["name"],
        "can_cu": [f"Căn cứ {b};" for b in bases],
        "de_nghi": _groups(ev),
        "nguoi_nhan": document["kinh_gui"][0],
        "luong_co_so": (
            f"Tiền thưởng tính theo {wage['name']} {tien(wage['amount'])} ({wage['decree']}, "
            f"áp dụng từ ngày {ngay_ngan(wage['from'])})."
        ),
        "tong_tien": tien(ev.total),
        "tong_tien_so": so(ev.total, 0),
        "tong_tien_chu": tien_bang_chu(ev.total),
        "kem_theo": f"(Kèm theo Tờ trình số {document['so_ky_hieu']} ngày {ngay_ngan(day)} của {document['co_quan_trinh']})",
        "danh_sach": [
            {
                "stt": str(ln.index),
                "ten": ln.name,
                "chuc_vu": ln.position,
                "hinh_thuc": ln.award,
                "thanh_tich": ln.achievement,
                "he_so": so(ln.multiple),
                "so_tien": so(ln.amount, 0),
            }
            for ln in ev.proposals
        ],
    }


def commendation_result(ev: CommendationEvaluation) -> dict:
    return {"quy_dinh": ev.era["id"], "tong_tien": ev.total, "ty_le": ev.quotas}


def commendation_context(document: dict, ev: CommendationEvaluation) -> dict:
    """The registry's presenter of a tờ trình (generator/forms.py); it has no blank appendix of facts."""
    schema = load_schema(document["form"])
    context = present_value(schema, schema, document)
    context["ket_qua"] = commendation_result(ev)
    context["trinh_bay"] = {**commendation_layout(document, ev), "so_lieu": []}
    return context
