"""The vote ballot (phieu-bieu-quyet) as a blank: printed, or fillable with one field group per row.

A ballot is laid out by the printed ballot's own pipeline (evaluate, present), so the
fillable one has the same header, instruction, columns and name order; only the cells
change. Each row's fields are named by the JSON path of its member in the ballot's
``dang_vien`` list (the order typed, not the printed order): ``dang_vien[3].chon`` is a
radio group over the regime's levels (round 1, one button in each level column) or a
check box in the "Đồng ý" column (round 2); an empty row adds ``dang_vien[k].ho_ten`` for
the name written in. In Word the round-1 row is one drop-down list, in a single column.
``kiemdiem tally`` (tally_import.py) counts the filled ballots by these names.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..errors import InputError, Problem
from ..evaluate.regime import Regime
from ..pipeline import prepare
from ..present.boxes import UNCHECKED
from ..schema import title_at
from .builder import Blank, Setting
from .fields import Field, field_name

FORM = "phieu-bieu-quyet"
CHOICE = "chon"  # the field of a row: dang_vien[i].chon
NAME = "ho_ten"  # the name written into an empty row: dang_vien[k].ho_ten
AGREE = (("co", "Đồng ý"),)  # round 2: the one answer of a candidate's box
BLANK_ROWS = 15  # a ballot with no names and no so_dong_trong: the blank ballot of the examples
NEEDED = ("nam", "dang_bo", "chi_bo")  # the header, and what the tally checks a ballot against
DOCX_HEAD = "Mức xếp loại (chọn một mức)"
# In Word one chooses from a list rather than marking a box: the instruction says so
WORD_ROUND_1 = (
    "Đồng chí chọn mức xếp loại của từng đảng viên trong danh sách ở cột “Mức xếp loại”; "
    "mỗi đảng viên chỉ chọn một mức."
)
MARK_ROUND_2, WORD_ROUND_2 = "thì đánh dấu (X) vào ô “Đồng ý” tương ứng", "thì chọn “Đồng ý” trong ô tương ứng"


class Button:
    """One radio button (round 1) or check box (round 2) of a row's group, in one table cell."""

    def __init__(self, name: str, title: str, value: str, kind: str):
        self.name, self.title, self.value, self.kind = name, title, value, kind

    def __str__(self) -> str:
        return ""

    def __html__(self) -> str:
        return Markup(
            f'<input type="{self.kind}" class="o-chon" name="{escape(self.name)}" '
            f'value="{escape(self.value)}" title="{escape(self.title)}">'
        )


def row_indices(names: list[str], printed: list[str]) -> list[int]:
    """The index in ``names`` (the document's order) of each printed row (Vietnamese order)."""
    free: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        free.setdefault(name, []).append(i)
    return [free[name].pop(0) for name in printed]


def ballot(blank: Blank, s: Setting) -> dict:
    """The ballot's context: printed cells on paper, form fields when ``blank.fillable``."""
    regime = s.regime
    data = blank.data  # the skeleton the file records: the effective rows and round are put in it
    missing = [
        Problem(
            f"$.{key}",
            title_at(blank.schema, [key]),
            "thiếu trường bắt buộc (in ở đầu phiếu, và kiemdiem tally dùng để nhận ra phiếu của chi bộ)",
        )
        for key in NEEDED
        if key not in data
    ]
    if missing:
        raise InputError(missing)
    if blank.fillable:  # one file is one voter's copy, sent to each voter: the printed copies do not apply
        data.pop("so_phieu", None)
    if not data.get("dang_vien") and "so_dong_trong" not in data:
        data["so_dong_trong"] = BLANK_ROWS
    data.setdefault("vong", 1)
    data.setdefault("so_dong_trong", 0)
    context = prepare(dict(data)).context
    if blank.fillable:
        _fields(blank, context["trinh_bay"], regime)
    return context


def _fields(blank: Blank, layout: dict, regime: Regime) -> None:
    names = blank.data.get("dang_vien") or []
    round_1 = blank.data["vong"] == 1
    levels = tuple(regime.subject("ca_nhan").levels) if round_1 else AGREE
    named = [row for row in layout["dong"] if row["ho_ten"]]
    indices = row_indices(names, [row["ho_ten"] for row in named]) + list(range(len(names), len(layout["dong"])))
    word = blank.fillable == "docx"
    if word and round_1:  # one drop-down list per row: a single column
        layout.update(vong_1=False, muc=[DOCX_HEAD], cot={"muc_1": DOCX_HEAD}, huong_dan=WORD_ROUND_1)
    elif word:
        layout["huong_dan"] = layout["huong_dan"].replace(MARK_ROUND_2, WORD_ROUND_2)
    for row, index in zip(layout["dong"], indices):
        path = ["dang_vien", index]
        who = row["ho_ten"] or f"dòng {row['stt']}"
        title = f"{'Mức xếp loại' if round_1 else 'Đồng ý'}: {who}"
        if not row["ho_ten"]:
            row["ho_ten"] = Field(
                (*path, NAME),
                f"Họ và tên (dòng {row['stt']})",
                "text",
                target=blank.fillable,
                size="dai",
                placeholder="…" * 12,
            )
        if word:
            placeholder = "Chọn một mức" if round_1 else UNCHECKED
            row["o"] = [Field((*path, CHOICE), title, "list", options=levels, target="docx", placeholder=placeholder)]
        elif round_1:
            row["o"] = [Button(field_name([*path, CHOICE]), title, code, "radio") for code, _ in levels]
        else:
            row["o"] = [Button(field_name([*path, CHOICE]), title, "co", "checkbox")]
