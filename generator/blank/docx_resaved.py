"""A fillable DOCX that LibreOffice saved again: its content controls are there, their names are not.

LibreOffice 7.4 keeps each control, its text and a text control's title (``w:alias``), but drops every
``w:tag`` (the field's name), a drop-down's title, a text control's "showing placeholder" mark, and the
line breaks inside a control ("… tư tưởng.- Gương mẫu …"). The blank itself survives in the core
properties, so the same blank is made again and its controls, in order, name the saved ones: each pair must
agree on its kind, its title where one is left and a drop-down's items, or the file is refused rather than
read into the wrong fields. Text left as the blank's placeholder is empty, and a line joined to the one before
it at a sentence's end or before a list item ("- ", "+ ") is split again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError, Problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RESAVED = (
    "tệp DOCX đã được lưu lại bằng một chương trình khác (LibreOffice) và mất tên các ô điền: "
    "kiemdiem đọc lại theo thứ tự các ô; hãy xem lại các đoạn văn nhiều dòng trước khi in"
)
MISMATCH = (
    "tệp DOCX đã mất tên các ô điền (lưu lại bằng LibreOffice) và các ô không còn khớp với bản trống "
    "({detail}): hãy điền vào tệp kiemdiem đã tạo, hoặc lưu bằng Word"
)
_END = re.compile(r"(?<=\S)[.;:!?](?=\S)")  # punctuation with no space after it: where a joined line may be


@dataclass(frozen=True)
class Control:
    tag: str | None
    alias: str | None
    items: tuple[str, ...]  # a drop-down's values; () for a text control
    multiline: bool


def control_of(props) -> Control:
    tag, alias = props.find(f"{W}tag"), props.find(f"{W}alias")
    listing = props.find(f"{W}dropDownList")
    text = props.find(f"{W}text")
    return Control(
        tag.get(f"{W}val") if tag is not None else None,
        alias.get(f"{W}val") if alias is not None else None,
        tuple(i.get(f"{W}value") for i in listing.iter(f"{W}listItem")) if listing is not None else (),
        text is not None and text.get(f"{W}multiLine") in ("1", "true"),
    )


def names_by_order(saved: list[Control], blank: list[Control]) -> list[str]:
    """The field name of each saved control, from the same blank's controls in the same order."""
    if len(saved) != len(blank):
        raise InputError(
            [Problem("$", "Tệp DOCX", MISMATCH.format(detail=f"{len(saved)} ô, bản trống có {len(blank)}"))]
        )
    for number, (mine, theirs) in enumerate(zip(saved, blank), 1):
        if mine.items != theirs.items or (mine.alias is not None and mine.alias != theirs.alias):
            shown = theirs.alias or theirs.tag
            raise InputError([Problem("$", "Tệp DOCX", MISMATCH.format(detail=f"ô thứ {number}, “{shown}”"))])
    return [c.tag for c in blank]


def split_joined_lines(text: str) -> str:
    """Lines LibreOffice joined inside a multi-line control, split again where a line evidently ended: before a
    list item ("tư tưởng.- Gương mẫu") or a new sentence ("nội bộ.Hoàn thành"), never inside "TP.HCM" or "v.v."."""
    cuts = []
    for end in _END.finditer(text):
        before, after = text[max(end.start() - 2, 0) : end.start()], text[end.end() : end.end() + 3]
        item = after[:2] in ("- ", "+ ") and len(after) == 3 and not after[2].isspace()
        sentence = (
            end.group() in ".!?"
            and len(before) == 2
            and before.isalpha()
            and before.islower()
            and len(after) >= 2
            and after[0].isupper()
            and after[1].islower()
        )
        if item or sentence:
            cuts.append(end.end())
    for cut in reversed(cuts):
        text = text[:cut] + "\n" + text[cut:]
    return text
