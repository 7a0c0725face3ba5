"""Word's header columns give way to a long date line as the PDF's do (issue 14 §5)."""

from __future__ import annotations

import io
import re
import zipfile

from generator import load_document, prepare, render
from generator.render.docx_header import widen_date_column
from tests.samples import EXAMPLES


def _header(place: str) -> tuple[list[int], list[int], dict]:
    document = load_document(EXAMPLES / "ban-tu-kiem-diem-02a.yaml")
    document["dia_danh"] = place
    prepared = prepare(document)
    xml = zipfile.ZipFile(io.BytesIO(render(prepared, ["docx"])["docx"])).read("word/document.xml").decode()
    table = re.search(r"<w:tbl>.*?</w:tbl>", xml, re.DOTALL).group()
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table)]
    indents = [int(w) for w in re.search(r'<w:ind w:left="(\d+)" w:right="(\d+)"/>', table).groups()]
    return grid, indents, prepared.context["trinh_bay"]


def test_a_short_date_keeps_the_template_columns():
    grid, indents, _ = _header("Hà Nội")
    assert grid == [4195, 5159] and indents == [369, 369]


def test_a_long_date_widens_its_column_and_the_rule_keeps_its_length():
    grid, indents, layout = _header("Thành phố Hồ Chí Minh")
    assert sum(grid) == 4195 + 5159 and grid[1] == round(layout["cot_ngay"] * 20) > 5159
    grown = grid[1] - 5159
    assert indents == [369 + grown // 2] * 2  # the rule under the title as long as before


def test_the_names_keep_their_share_however_long_the_place():
    xml = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="4195"/><w:gridCol w:w="5159"/></w:tblGrid>'
        '<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="4195"/></w:tcPr></w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="5159"/>'
        "</w:tcPr><w:p><w:r><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r></w:p></w:tc></w:tbl>"
    )
    widened = widen_date_column(xml, 1000)
    assert re.findall(r'w:w="(\d+)"', widened) == ["2806", "6548", "2806", "6548"]
    assert widen_date_column(xml, 200) == xml and widen_date_column(xml, None) == xml
