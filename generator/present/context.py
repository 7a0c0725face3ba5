"""Build the one context both renderers print.

The document keeps its schema shape (so templates only use names the schema has),
with values turned into text: dates in the Party style, numbers with a decimal
comma, enum codes into their Vietnamese labels, long text into paragraphs. What
the rules computed goes under ``ket_qua``; layout-only strings under ``trinh_bay``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ..evaluate import NOT_RATED, CommendationEvaluation, Evaluation
from ..evaluate.grades import GRADE_NAMES
from ..forms import form
from ..schema import load_schema
from ..vietnamese import cap_uy, dia_danh_ngay, phan_tram, so
from .fields import paragraphs, present_value
from .header_lines import TITLE_SIZE, balanced_title, fit_beside_date, hd36_header

COMPUTED_ROOTS = ("ket_qua", "trinh_bay")


def score_rows(document: dict, evaluation: Evaluation) -> list[dict]:
    """The part-B table, flattened: parts "1", "2", their criteria "1.1", "1.1.1"…"""
    rows = []

    def walk(criteria: list[dict], prefix: str, depth: int) -> None:
        for i, item in enumerate(criteria, 1):
            number = f"{prefix}.{i}"
            rows.append(
                {
                    "stt": number,
                    "ten": item["ten"],
                    "toi_da": so(item["diem_toi_da"]),
                    "diem": so(item["diem"]),
                    "cap": depth,
                }
            )
            walk(item.get("tieu_chi", []), number, depth + 1)

    for n, part in enumerate(evaluation.parts, 1):
        rows.append({"stt": str(n), "ten": part.label, "toi_da": so(part.max), "diem": so(part.score), "cap": 0})
        walk(document["diem"][part.id].get("tieu_chi", []), str(n), 1)
    return rows


def grade_rows(ev: Evaluation) -> list[dict]:
    """The graded criteria (2019–2024), in the regime's order, with the grade's name."""
    return [{"stt": str(i), "ten": label, "muc": GRADE_NAMES[grade]} for i, (label, grade) in enumerate(ev.grades, 1)]


def build_context(document: dict, evaluation: Evaluation | CommendationEvaluation) -> dict:
    """The one context both renderers print (the form's presenter in generator/forms.py); its header
    lines fitted beside its date line."""
    context = form(document["form"]).present(document, evaluation)
    fit_beside_date(context["trinh_bay"])
    return context


def member_context(document: dict, ev: Evaluation) -> dict:
    return _subject_context(document, ev, _member_layout, (document["chi_bo"], "chi_bo_in_hoa"))


def organisation_context(document: dict, ev: Evaluation) -> dict:
    # a đảng bộ issues as its đảng ủy
    return _subject_context(document, ev, _organisation_layout, (cap_uy(document["to_chuc"]), "to_chuc_in_hoa"))


def report_context(document: dict, ev: Evaluation) -> dict:
    issuer = cap_uy(document["tap_the"]) if document["loai_tap_the"] == "dang_bo_co_so" else document["tap_the"]
    return _subject_context(document, ev, _report_layout, (issuer, "tap_the_in_hoa"))


def _subject_context(document: dict, ev: Evaluation, layout, issuer: tuple[str, str]) -> dict:
    """A member's or an organisation's context, with the annex page the registry gives the form."""
    schema = load_schema(document["form"])
    context = present_value(schema, schema, document)
    level_text = ev.level_label
    if ev.level == NOT_RATED and ev.reasons:
        level_text = f"{ev.level_label} ({ev.reasons[0].text.removeprefix('Không xếp loại: ').rstrip('.')})"
    context["ket_qua"] = {
        "level": ev.level,
        "level_label": ev.level_label,
        "khong_xep_loai": ev.level == NOT_RATED,
        "score": "" if ev.score is None else so(ev.score),
        "max_score": "" if ev.max_score is None else so(ev.max_score),
        "parts": [{"id": p.id, "label": p.label, "score": so(p.score), "max": so(p.max)} for p in ev.parts],
        "reasons": [{"rule": r.rule, "text": r.text} for r in ev.reasons],
        "quyet_dinh": {
            "co": True,
            "level_label": rules_label(ev, document, ev.decision["level"]),
            "can_cu": ev.decision["basis"],
        }
        if ev.decision
        else {"co": False, "level_label": "", "can_cu": ""},  # the committee's decision (UNDECIDED only)
    }
    rules = ev.regime.subject(form(document["form"]).subject)
    proposed = document.get("tu_xep_loai")
    context["trinh_bay"] = {
        **hd36_header(
            document["dang_bo"],
            *issuer,
            dia_danh_ngay(document["dia_danh"], dt.date.fromisoformat(document["ngay_lap"])),
        ),
        "mau": dict(ev.variant),
        "tu_xep_loai": rules.label(proposed) if proposed else level_text,
        "bang_diem": score_rows(document, ev),
        "bang_cap_do": grade_rows(ev),
        "so_lieu": [],  # a blank's appendix of facts for the rules (generator/blank); a filled document has none
        **layout(document, ev, rules),
    }
    annexed = form(document["form"]).annex
    context["trinh_bay"]["phu_luc"] = annex(document, context, annexed) if annexed else None
    return context


def rules_label(ev: Evaluation, document: dict, code: str) -> str:
    return ev.regime.subject(form(document["form"]).subject).label(code)


def annex(document: dict, context: dict, annexed: tuple[str, str]) -> dict | None:
    """The “Phụ lục: căn cứ xếp loại” page (None: nothing to print, or ``in_phu_luc: false``)."""
    if not document.get("in_phu_luc", True) or not context["ket_qua"]["reasons"]:
        return None
    kind, heading = annexed
    who = document.get("to_chuc") or document.get("tap_the")
    return {
        "kem_theo": f"(Kèm theo {kind} năm {document['nam']} của {who}; do kiemdiem lập từ các số liệu đã ghi, "
        f"không thuộc nội dung mẫu)",
        "muc": f"{heading}: {context['trinh_bay']['tu_xep_loai']}",
    }


def without_annex(context: dict) -> dict:
    """The context with the annex left out (kiemdiem render --khong-phu-luc)."""
    if not context.get("trinh_bay", {}).get("phu_luc"):
        return context
    return {**context, "trinh_bay": {**context["trinh_bay"], "phu_luc": None}}


def _member_layout(document: dict, ev: Evaluation, rules) -> dict:
    return {
        "la_lanh_dao": document["dang_vien"]["doi_tuong"] == "lanh_dao_quan_ly",
        "ho_ten_ky": document["dang_vien"]["ho_ten"],  # the name under the signature (a blank leaves it empty)
    }


def _count_rows(counts: dict, labels: list[tuple[str, str]]) -> list[dict]:
    total = sum(counts.values())
    return [
        {
            "muc": label,
            "so": so(counts.get(code, 0)),
            "ty_le": phan_tram(Fraction(counts.get(code, 0), total)) if total else "0%",
        }
        for code, label in labels
    ]


def _organisation_layout(document: dict, ev: Evaluation, rules) -> dict:
    members = document["thong_ke_dang_vien"]
    layout = {
        "tieu_de": balanced_title(
            (rules.get("titles_by_kind") or {}).get(document["loai_to_chuc"], rules["title"]), TITLE_SIZE
        ),
        "quy_dinh": ev.regime.name + (f"; {ev.regime.profile}" if ev.regime.profile else ""),
        "dang_vien": _count_rows(members["so_xep_loai"], list(rules["member_labels"].items())),
        "tong_dang_vien": so(sum(members["so_xep_loai"].values())),
        "dang_vien_khong_xep_loai": so(members.get("so_khong_xep_loai", 0)),
        "co_to_chuc_truc_thuoc": "thong_ke_to_chuc" in document,
        "to_chuc_truc_thuoc": [],
        "tong_to_chuc": "0",
    }
    if "thong_ke_to_chuc" in document:
        counts = document["thong_ke_to_chuc"]["so_xep_loai"]
        layout["to_chuc_truc_thuoc"] = _count_rows(counts, rules.levels)
        layout["tong_to_chuc"] = so(sum(counts.values()))
    layout["tieu_de_muc_i"] = "I. TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ" if rules.criteria else "I. ĐIỂM TỰ CHẤM"
    numbers = iter(["II", "III", "IV", "V"])
    layout["muc"] = {"dang_vien": next(numbers)}
    if layout["co_to_chuc_truc_thuoc"]:
        layout["muc"]["to_chuc"] = next(numbers)
    layout["muc"]["xep_loai"] = next(numbers)
    return layout


def _report_layout(document: dict, ev: Evaluation, rules) -> dict:
    """Mẫu 01: part A's sections in the regime's order, the earlier faults one by one."""
    report = rules["report"]
    faults = document.get("han_che_ky_truoc") or []
    status = {"da_khac_phuc": "Đã khắc phục", "dang_khac_phuc": "Đang khắc phục", "chua_khac_phuc": "Chưa khắc phục"}
    fixed = sum(f["tinh_trang"] == "da_khac_phuc" for f in faults)
    return {
        "so_ky_hieu": f"Số {document['so_ky_hieu']}" if document.get("so_ky_hieu") else "",
        "tieu_de": balanced_title(f"{report['title']} {document['tap_the']} năm {document['nam']}"),
        "quy_dinh": ev.regime.name + (f"; {ev.regime.profile}" if ev.regime.profile else ""),
        "uu_diem": [
            {"stt": str(i), "ten": s["label"], "doan": paragraphs(document["uu_diem"][s["id"]])}
            for i, s in enumerate(report["strengths"], 1)
        ],
        "khac_phuc": [
            {
                "stt": str(i),
                "noi_dung": " ".join(f["noi_dung"].split()),
                "tinh_trang": status[f["tinh_trang"]],
                "muc_do": paragraphs(f.get("muc_do", [])),
            }
            for i, f in enumerate(faults, 1)
        ],
        "khac_phuc_tom_tat": (
            f"Đã khắc phục {so(fixed)}/{so(len(faults))} hạn chế, khuyết điểm "
            f"({phan_tram(Fraction(fixed, len(faults)))})."
            if faults
            else "Các kỳ kiểm điểm trước không chỉ ra hạn chế, khuyết điểm nào."
        ),
        "ca_nhan": [
            {"ho_ten": c["ho_ten"], "chuc_vu": c["chuc_vu"], "trach_nhiem": paragraphs(c["trach_nhiem"])}
            for c in document["trach_nhiem"].get("ca_nhan", [])
        ],
        "phan_b": report["part_b"],
        "phan_b_dan": report["part_b_intro"],
        "muc_b_i": "I. ĐÁNH GIÁ THEO CÁC TIÊU CHÍ" if rules.criteria else "I. ĐÁNH GIÁ THEO CÁC NHÓM TIÊU CHÍ",
    }
