"""The python-docx helpers of the Word templates in the Party format (Hướng dẫn 36-HD/VPTW): styles,
paragraphs that keep each Jinja tag in one run, borderless and gridded tables, the header, the page, save.

Shared by build_docx_template.py and build_ballot_templates.py (both run from scripts/, so this module
imports by its name), so every template looks the same: A4, margins 20/20/30/15 mm, Times New Roman
in all four font slots with w:lang vi-VN, page number top centre from page 2.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)


# ---------------------------------------------------------------- fonts and styles
def set_fonts(rpr) -> None:
    """All four slots and the Vietnamese language tag, so Word never switches font mid-word."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")


def set_defaults(doc) -> None:
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default)
    for el in rpr_default.findall(qn("w:sz")) + rpr_default.findall(qn("w:szCs")):
        rpr_default.remove(el)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "28")
        rpr_default.append(size)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            set_fonts(style.element.get_or_add_rPr())


def paragraph_style(
    doc,
    name,
    *,
    size=14,
    bold=False,
    italic=False,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent=None,
    before=6,
    after=0,
    keep_next=False,
):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size, font.bold, font.italic = Pt(size), bold, italic
    set_fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = indent
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.15
    fmt.keep_with_next = keep_next
    fmt.widow_control = True
    return style


def build_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    set_defaults(doc)
    center = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_style(doc, "KD Đoạn", indent=Cm(1))
    paragraph_style(doc, "KD Ý", indent=Cm(1))
    paragraph_style(doc, "KD Thông tin", align=WD_ALIGN_PARAGRAPH.LEFT)
    paragraph_style(doc, "KD Phần", bold=True, before=10, keep_next=True)
    paragraph_style(doc, "KD Mục", bold=True, before=8, keep_next=True)
    paragraph_style(doc, "KD Tiểu mục", bold=True, italic=True, indent=Cm(1), keep_next=True)
    paragraph_style(doc, "KD Mã mẫu", size=12, align=WD_ALIGN_PARAGRAPH.RIGHT, before=0, after=4)
    paragraph_style(doc, "KD Đầu", align=center, before=0)
    paragraph_style(doc, "KD Tên loại", size=16, bold=True, align=center, before=12, keep_next=True)
    paragraph_style(doc, "KD Giữa", align=center, before=0, keep_next=True)
    paragraph_style(doc, "KD Bảng", size=13, align=WD_ALIGN_PARAGRAPH.LEFT, before=1, after=1)
    paragraph_style(doc, "KD Bảng nhỏ", size=12, align=WD_ALIGN_PARAGRAPH.LEFT, before=1, after=1)
    paragraph_style(doc, "KD Ký", align=center, before=0, keep_next=True)
    paragraph_style(doc, "KD Tiêu đề nhận xét", bold=True, align=center, before=18, keep_next=True)
    paragraph_style(doc, "KD Nơi nhận", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, before=0)


# ---------------------------------------------------------------- building blocks
def para(container, text="", style="KD Đoạn", *, bold=None, italic=None, size=None, underline=None):
    """One paragraph; every Jinja tag stays inside a single run."""
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return p


def runs(container, parts, style):
    """A paragraph of several runs: parts are (text, bold, italic)."""
    p = container.add_paragraph(style=style)
    for text, bold, italic in parts:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
    return p


def tag(container, text):
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %}); docxtpl removes it."""
    return para(container, text, "Normal")


def paragraphs(container, var):
    tag(container, f"{{%p for b in {var} %}}")
    tag(container, "{%p if b.y %}")
    para(container, "{{ b.text }}", "KD Ý")
    tag(container, "{%p else %}")
    para(container, "{{ b.text }}", "KD Đoạn")
    tag(container, "{%p endif %}")
    tag(container, "{%p endfor %}")


def optional_paragraphs(container, var):
    tag(container, f"{{%p if {var} is defined %}}")
    paragraphs(container, var)
    tag(container, "{%p else %}")
    para(container, "Không có.")
    tag(container, "{%p endif %}")


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def widths(table, *sizes) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, size in zip(row.cells, sizes):
            cell.width = size
    for col, size in zip(table.columns, sizes):
        col.width = size


def row_property(row, name) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement(f"w:{name}"))


def first_cell_paragraph(cell, text, style, **kw):
    p = cell.paragraphs[0]
    p.style = style
    if text:
        run = p.add_run(text)
        run.bold, run.italic = kw.get("bold"), kw.get("italic")
    return p


def page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)
    section.header_distance = Mm(10)


# ---------------------------------------------------------------- the document
# The rule under "ĐẢNG CỘNG SẢN VIỆT NAM", as long as the title (72.9 mm in Times 15 pt bold): a bottom
# border of the paragraph, indented to the title's width, so it never cuts the dots under Ộ and Ệ as a
# text underline does. The cell's text width is 91 mm less Word's 1.9 mm cell margins on each side.
TITLE_RULE_INDENT = Mm(6.5)


def title_rule(paragraph) -> None:
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = TITLE_RULE_INDENT
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(
        border,
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
    )


def header_block(doc, issuer="{{ trinh_bay.chi_bo_in_hoa }}", number=None, optional_number=None) -> None:
    """``number``: the "Số …" line under the star; ``optional_number``: the same, printed only when given."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, Mm(74), TEXT_WIDTH - Mm(74))
    left, right = table.rows[0].cells
    first_cell_paragraph(left, "{{ trinh_bay.dang_bo_in_hoa }}", "KD Đầu")
    para(left, issuer, "KD Đầu", bold=True)
    para(left, "*", "KD Đầu")
    if number:
        para(left, number, "KD Đầu")
    if optional_number:
        tag(left, f"{{%p if {optional_number} %}}")
        para(left, f"{{{{ {optional_number} }}}}", "KD Đầu")
        tag(left, "{%p endif %}")
    first_cell_paragraph(right, "", "KD Đầu")
    run = right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM")
    run.bold, run.font.size = True, Pt(15)
    title_rule(right.paragraphs[0])
    date = para(right, "{{ trinh_bay.dia_danh_ngay }}", "KD Đầu", italic=True)
    date.paragraph_format.space_before = Pt(8)


def new_document():
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    build_styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    page_number_header(section)
    return doc


def slim(doc) -> None:
    """Drop what python-docx's default package carries and no form uses: stylesWithEffects (438 KB),
    the thumbnail, latent styles and unused styles. Every render unzips and zips less (baseline.md §3)."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                del rels[r_id]
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    used = set()
    for part in [doc.part] + [
        rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith(("/header", "/footer"))
    ]:
        for tag_name in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            used |= {el.get(qn("w:val")) for el in part.element.iter(qn(tag_name))}
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep = {i for i, s in by_id.items() if s.get(qn("w:default")) == "1"} | used
    pending = list(keep)
    while pending:  # a kept style keeps what it is based on and links to
        style = by_id.get(pending.pop())
        for ref in ("w:basedOn", "w:next", "w:link"):
            el = style.find(qn(ref)) if style is not None else None
            if el is not None and el.get(qn("w:val")) not in keep:
                keep.add(el.get(qn("w:val")))
                pending.append(el.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)


def save(doc, form: str, title: str) -> Path:
    slim(doc)
    doc.core_properties.title = title
    doc.core_properties.language = "vi-VN"
    doc.core_properties.author = "kiemdiem"
    out = TEMPLATES / form / f"{form}.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


# ---------------------------------------------------------------- tables with a row per item
def grid_table(doc, heads, sizes, loop, cells, centred=()):
    """A bordered table: a header row repeated on every page, one row per item of ``loop``."""
    table = doc.add_table(rows=4, cols=len(heads))
    table.style = doc.styles["Table Grid"]
    widths(table, *sizes[:-1], TEXT_WIDTH - sum(sizes[:-1], Cm(0)))
    rows = table.rows
    for cell, text in zip(rows[0].cells, heads):
        first_cell_paragraph(cell, text, "KD Bảng nhỏ", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[0], "tblHeader")
    first_cell_paragraph(rows[1].cells[0], f"{{%tr for r in {loop} %}}", "KD Bảng nhỏ")
    for j, (cell, text) in enumerate(zip(rows[2].cells, cells)):
        p = first_cell_paragraph(cell, text, "KD Bảng nhỏ")
        if j in centred:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    row_property(rows[2], "cantSplit")
    first_cell_paragraph(rows[3].cells[0], "{%tr endfor %}", "KD Bảng nhỏ")
    return table
