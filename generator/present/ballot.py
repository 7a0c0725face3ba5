"""What a vote ballot prints: the names in Vietnamese order, one box per level, no signature.

A ballot is secret, so copies are identical and never numbered; each copy starts
on a new page. Empty rows let the meeting add a name by hand (or print a blank ballot).
Rows are as tall as a hand needs (8 mm) while the list fits one sheet front and back,
and shrink to 5.5 mm before a copy takes a second sheet.
"""

from __future__ import annotations

from ..evaluate.ballot import BallotEvaluation
from .boxes import UNCHECKED
from .header_lines import hd36_header
from .meeting_forms import meeting_context
from .names import sort_names

# One A4 sheet front and back, in mm of rows: two pages of 257 mm of text, less the first page's header,
# title and instruction and each page's column headings (measured on the shipped template).
SHEET_ROWS_MM = 2 * 257 - 95 - 2 * 14
ROW_MM = (5.5, 8.0)


def row_height(rows: int) -> str:
    """The height of a ballot row that keeps ``rows`` rows on one sheet, within a hand's writing room."""
    low, high = ROW_MM
    return f"{max(low, min(high, SHEET_ROWS_MM / max(rows, 1))):.1f}mm"


def lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def ballot_layout(document: dict, ev: BallotEvaluation) -> dict:
    names = sort_names(document.get("dang_vien") or [])
    top = ev.levels[0][1]
    heads = [label for _, label in ev.levels] if ev.round == 1 else ["Đồng ý"]
    # ``o``: what each level cell of the row prints (a box; a form field in a fillable ballot, generator/blank)
    rows = [{"stt": str(i), "ho_ten": name, "o": [UNCHECKED] * len(heads)} for i, name in enumerate(names, 1)]
    rows += [{"stt": str(i), "ho_ten": "", "o": [UNCHECKED] * len(heads)} for i in range(len(rows) + 1, ev.rows + 1)]
    if ev.round == 1:
        subject = f"Xếp loại chất lượng đảng viên năm {document['nam']}"
        instruction = (
            "Đồng chí đồng ý xếp loại mức nào thì đánh dấu (X) vào ô tương ứng; mỗi đảng viên chỉ đánh dấu một ô."
        )
    else:
        subject = f"Chọn đảng viên {lower_first(top)} năm {document['nam']} (vòng 2)"
        instruction = (
            f"Đồng chí đồng ý đảng viên nào đạt mức “{top}” thì đánh dấu (X) vào ô “Đồng ý” tương ứng; "
            f"chọn không quá {ev.places} đồng chí."
        )
    return {
        **hd36_header(document["dang_bo"], document["chi_bo"], "chi_bo_in_hoa", ""),
        "tieu_de": "PHIẾU BIỂU QUYẾT",
        "trich_yeu": subject,
        "huong_dan": instruction,
        "vong_1": ev.round == 1,
        "muc": heads,
        "cot": {f"muc_{i}": head for i, head in enumerate(heads, 1)},  # the Word table's fixed columns
        "o": UNCHECKED,
        "dong": rows,
        "ban": [str(i) for i in range(1, document.get("so_phieu", 1) + 1)],
        "ban_sao": document.get("so_phieu", 1),  # identical copies: the PDF lays out one and repeats its pages
        "cao_dong": row_height(len(rows)),
    }


def ballot_result(ev: BallotEvaluation) -> dict:
    return {
        "vong": str(ev.round),
        "so_cho": "" if ev.places is None else str(ev.places),
        "reasons": [{"rule": r.rule, "text": r.text} for r in ev.reasons],
    }


def ballot_context(document: dict, ev: BallotEvaluation) -> dict:
    """The registry's presenter of a ballot (generator/forms.py)."""
    return meeting_context(document, ballot_result(ev), ballot_layout(document, ev))
