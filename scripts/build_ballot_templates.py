"""Build the Word templates of the chi bộ meeting's papers, twins of their HTML templates:
phieu-bieu-quyet, bien-ban-kiem-phieu, phieu-nhan-xet-noi-cu-tru.

    .venv/bin/python scripts/build_ballot_templates.py [form …]

It uses the Party-format helpers of docx_helpers.py (styles, header, tables), so these
papers look like the other documents; run from scripts/, it imports them by name, and
generator from the installed package (make install). Layout contracts:
templates/<form>/README.md. A table's level columns are fixed in Word (docxtpl's
column loops would leave the fast renderer), so their number is read from the
regimes and must be the same in all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Cm, Mm, Pt
from docx_helpers import (
    TEXT_WIDTH,
    first_cell_paragraph,
    grid_table,
    header_block,
    new_document,
    no_borders,
    para,
    paragraphs,
    row_property,
    save,
    tag,
    widths,
)

from generator.evaluate.regime import known_regimes, load_regime


def level_count() -> int:
    """The number of member levels, the same in every regime (the Word tables have one column each)."""
    counts = {len(load_regime(r).subject("ca_nhan").levels) for r in known_regimes()}
    if len(counts) != 1:
        raise SystemExit(f"member levels differ between regimes ({sorted(counts)}): the Word tables need one layout")
    return counts.pop()


def centred_title(doc, text: str) -> None:
    para(doc, text, "KD Giữa", bold=True).paragraph_format.space_after = Pt(10)


def item_loop(doc, var: str, style: str = "KD Ý") -> None:
    tag(doc, f"{{%p for d in {var} %}}")
    para(doc, "- {{ d }}", style)
    tag(doc, "{%p endfor %}")


# ---------------------------------------------------------------- phiếu biểu quyết
def ballot_table(doc, columns: int) -> None:
    name = Cm(5.3) if columns > 1 else Cm(10.3)
    heads = ["STT", "Họ và tên"] + [f"{{{{ trinh_bay.cot.muc_{i} }}}}" for i in range(1, columns + 1)]
    cells = ["{{ r.stt }}", "{{ r.ho_ten }}"] + [f"{{{{ r.o[{i}] }}}}" for i in range(columns)]
    rest = Mm(int((TEXT_WIDTH - Cm(1.2) - name) / columns / Mm(1)))
    table = grid_table(
        doc, heads, [Cm(1.2), name] + [rest] * columns, "trinh_bay.dong", cells, centred=(0, *range(2, columns + 2))
    )
    for row in table.rows:
        row.height = Cm(0.8)


def build_ballot() -> Path:
    """Copies of a secret ballot must be identical: no running page number (STT and the repeated
    column headings keep a long list in order), where the other papers number pages from 2."""
    doc = new_document()
    doc.sections[0].header.is_linked_to_previous = True
    doc.sections[0].different_first_page_header_footer = False
    tag(doc, "{%p for ban in trinh_bay.ban %}")
    tag(doc, "{%p if not loop.first %}")
    para(doc, "", "KD Đầu").paragraph_format.page_break_before = True
    tag(doc, "{%p endif %}")
    header_block(doc)
    para(doc, "{{ trinh_bay.tieu_de }}", "KD Tên loại")
    centred_title(doc, "{{ trinh_bay.trich_yeu }}")
    para(doc, "{{ trinh_bay.huong_dan }}", "KD Thông tin", italic=True).paragraph_format.space_after = Pt(6)
    tag(doc, "{%p if trinh_bay.vong_1 %}")
    ballot_table(doc, level_count())
    tag(doc, "{%p else %}")
    ballot_table(doc, 1)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    return save(doc, "phieu-bieu-quyet", "Phiếu biểu quyết xếp loại chất lượng đảng viên")


# ---------------------------------------------------------------- biên bản kiểm phiếu
def committee_signatures(doc) -> None:
    """Two signers a row: title, space, name; the rows never split across pages."""
    para(doc, "", "KD Nơi nhận")
    table = doc.add_table(rows=3, cols=2)
    no_borders(table)
    widths(table, Mm(82), TEXT_WIDTH - Mm(82))
    rows = table.rows
    first_cell_paragraph(rows[0].cells[0], "{%tr for hang in trinh_bay.ky %}", "KD Ký")
    for j in (0, 1):
        cell = rows[1].cells[j]
        first_cell_paragraph(cell, f"{{{{ hang[{j}].chuc_danh }}}}", "KD Ký", bold=True)
        for _ in range(3):
            para(cell, "", "KD Ký")
        para(cell, f"{{{{ hang[{j}].ho_ten }}}}", "KD Ký", bold=True).paragraph_format.space_after = Pt(12)
    row_property(rows[1], "cantSplit")
    first_cell_paragraph(rows[2].cells[0], "{%tr endfor %}", "KD Ký")


def build_tally() -> Path:
    doc = new_document()
    header_block(doc)
    para(doc, "BIÊN BẢN KIỂM PHIẾU", "KD Tên loại")
    centred_title(doc, "{{ trinh_bay.trich_yeu }}")
    para(doc, "{{ trinh_bay.mo_dau }}")
    item_loop(doc, "trinh_bay.ban")
    para(doc, "{{ trinh_bay.dan }}")
    para(doc, "I. SỐ PHIẾU", "KD Mục")
    item_loop(doc, "trinh_bay.so_lieu")
    para(doc, "II. NGƯỠNG BIỂU QUYẾT ({{ trinh_bay.nguong_can_cu }})", "KD Mục")
    item_loop(doc, "trinh_bay.nguong")
    para(doc, "III. KẾT QUẢ BIỂU QUYẾT CỦA TỪNG ĐẢNG VIÊN", "KD Mục")
    levels = level_count()
    heads = ["STT", "Họ và tên"] + [f"{{{{ trinh_bay.cot.muc_{i} }}}}" for i in range(1, levels + 1)] + ["Kết quả"]
    cells = ["{{ r.stt }}", "{{ r.ho_ten }}"] + [f"{{{{ r.phieu[{i}] }}}}" for i in range(levels)] + ["{{ r.ket_qua }}"]
    grid_table(
        doc,
        heads,
        [Cm(1.1), Cm(4.2)] + [Cm(1.9)] * levels + [Cm(1)],
        "trinh_bay.dong",
        cells,
        centred=(0, *range(2, levels + 2)),
    )
    para(doc, "IV. ĐỐI CHIẾU NGƯỠNG BIỂU QUYẾT", "KD Mục")
    tag(doc, "{%p for c in trinh_bay.chi_tiet %}")
    para(doc, "{{ c.ho_ten }}", "KD Thông tin", bold=True).paragraph_format.keep_with_next = True
    tag(doc, "{%p for d in c.ly_do %}")
    para(doc, "- {{ d }}", "KD Ý")  # the body's own bullet style, as sections I–III
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ trinh_bay.tieu_de_ty_le }}", "KD Mục")
    tag(doc, "{%p for g in trinh_bay.ty_le %}")
    para(doc, "{{ g.tieu_de }}")
    item_loop(doc, "g.dong")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ trinh_bay.ket_thuc }}")
    committee_signatures(doc)
    return save(doc, "bien-ban-kiem-phieu", "Biên bản kiểm phiếu biểu quyết xếp loại chất lượng đảng viên")


# ---------------------------------------------------------------- phiếu nhận xét nơi cư trú (Mẫu 3-213)
def signer_titles(cell, block: str, heading: str, note: str) -> None:
    # the cell's first paragraph holds the heading, or stays empty: the loop's tag paragraph
    # must not be the cell's first (docxtpl keeps one paragraph per cell)
    first_cell_paragraph(cell, heading, "KD Ký", bold=True)
    tag(cell, f"{{%p for dong in {block}.chuc_danh %}}")
    para(cell, "{{ dong }}", "KD Ký", bold=True)
    tag(cell, "{%p endfor %}")
    para(cell, note, "KD Ký", italic=True)


def signer_name(cell, block: str) -> None:
    first_cell_paragraph(cell, "", "KD Ký")
    for _ in range(2):
        para(cell, "", "KD Ký")
    para(cell, f"{{{{ {block}.nguoi_ky }}}}", "KD Ký", bold=True)


def build_residence() -> Path:
    doc = new_document()
    para(doc, "{{ trinh_bay.ma_mau }}", "KD Mã mẫu")
    header_block(doc)
    para(doc, "{{ trinh_bay.tieu_de }}", "KD Tên loại")
    centred_title(doc, "{{ trinh_bay.trich_yeu }}")
    tag(doc, "{%p for t in trinh_bay.thong_tin %}")
    para(doc, "{{ t.nhan }}: {{ t.gia_tri }}", "KD Thông tin")
    tag(doc, "{%p endfor %}")
    para(doc, "{{ trinh_bay.dan }}")
    tag(doc, "{%p for m in trinh_bay.muc %}")
    para(doc, "{{ m.ten }}", "KD Tiểu mục")
    paragraphs(doc, "m.doan")
    tag(doc, "{%p for d in m.dong_cham %}")
    para(doc, "{{ d }}", "KD Thông tin")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "", "KD Nơi nhận")
    # Two rows, as the PDF: the titles (of different lengths) above, the signing space and both names
    # below on one line.
    table = doc.add_table(rows=2, cols=2)
    no_borders(table)
    widths(table, Mm(82), TEXT_WIDTH - Mm(82))
    for row in table.rows:
        row_property(row, "cantSplit")
    signer_titles(
        table.rows[0].cells[0], "trinh_bay.xac_nhan", "{{ trinh_bay.xac_nhan.tieu_de }}", "(Ký tên, đóng dấu)"
    )
    signer_titles(table.rows[0].cells[1], "trinh_bay.ky", "", "(Ký, ghi rõ họ tên)")
    signer_name(table.rows[1].cells[0], "trinh_bay.xac_nhan")
    signer_name(table.rows[1].cells[1], "trinh_bay.ky")
    return save(doc, "phieu-nhan-xet-noi-cu-tru", "Phiếu nhận xét đảng viên của chi ủy, chi bộ nơi cư trú (Mẫu 3-213)")


BUILDERS = {
    "phieu-bieu-quyet": build_ballot,
    "bien-ban-kiem-phieu": build_tally,
    "phieu-nhan-xet-noi-cu-tru": build_residence,
}

if __name__ == "__main__":
    for form in sys.argv[1:] or BUILDERS:
        print(BUILDERS[form]())
