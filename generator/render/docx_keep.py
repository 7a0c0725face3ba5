"""Word's keep-with-next for a signature block and for tables, and left-aligned choice lines, set once the
body is rendered.

A signature table (its paragraphs in the "KD Ký" style) must share its page with the last paragraph of
the body: in Word that is "keep with next" on the paragraphs just before the table (the last body
paragraph and any empty spacer after it), and on every paragraph of the table's rows but the last, so
a title row stays with its names. The body's last paragraph exists only after the template's loops
have run, so this cannot be set in the template itself. A paragraph holding a line of choices ("☐ Hoàn thành tốt
nhiệm vụ   ☐ …") is left-aligned: justified, its options would spread apart on every line but the last.
"""

from __future__ import annotations

from lxml import etree

from ..present.boxes import CHECKED, OPTION_GAP, UNCHECKED
from .unbroken import SMALL_TABLE_ROWS  # the PDF's rule: a table this small moves to the next page whole

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _PPR, _SDT = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "pPr", "sdt"))
SIGNATURE_STYLE = "KDKý"
# Elements that come before keepNext, and after jc, in a paragraph's properties (ECMA-376 CT_PPrBase).
_BEFORE_KEEP = {f"{{{W}}}pStyle"}
_AFTER_JC = {
    f"{{{W}}}{n}"
    for n in (
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
}


def _keep_next(paragraph) -> None:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        paragraph.insert(0, ppr)
    if ppr.find(f"{{{W}}}keepNext") is not None:
        return
    at = sum(1 for child in ppr if child.tag in _BEFORE_KEEP)
    ppr.insert(at, etree.Element(f"{{{W}}}keepNext"))


def _left_align(paragraph) -> None:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        paragraph.insert(0, ppr)
    jc = ppr.find(f"{{{W}}}jc")
    if jc is None:
        at = next((i for i, child in enumerate(ppr) if child.tag in _AFTER_JC), len(ppr))
        jc = etree.Element(f"{{{W}}}jc")
        ppr.insert(at, jc)
    jc.set(f"{{{W}}}val", "left")


def _align_choices(body) -> None:
    for paragraph in body.iter(_P):
        text = "".join(paragraph.itertext())
        if OPTION_GAP in text and (UNCHECKED in text or CHECKED in text):
            _left_align(paragraph)


def _is_signature(table) -> bool:
    return any(style.get(f"{{{W}}}val") == SIGNATURE_STYLE for style in table.iter(f"{{{W}}}pStyle"))


def _text(element) -> str:
    return "".join(element.itertext()).strip()


def _keep_before(table) -> None:
    """Keep-with-next on what precedes the table, back to and including the first element with text."""
    previous = table.getprevious()
    while previous is not None:
        if previous.tag == _P:
            _keep_next(previous)
        elif previous.tag == _TBL:  # the last row of a table before it
            rows = previous.findall(_TR)
            for paragraph in rows[-1].iter(_P) if rows else ():
                _keep_next(paragraph)
        elif previous.tag == _SDT:  # a content control of a fillable blank
            for paragraph in previous.iter(_P):
                _keep_next(paragraph)
        else:
            return
        if _text(previous):
            return
        previous = previous.getprevious()


def _keep_rows(rows) -> None:
    for row in rows:
        for paragraph in row.iter(_P):
            _keep_next(paragraph)


def keep_signatures(document_xml: bytes) -> bytes:
    """``word/document.xml`` with every signature table kept with the body before it, small tables
    kept whole, and a long table's heading kept with its first two rows; choice lines left-aligned."""
    root = etree.fromstring(document_xml)
    body = root.find(f"{{{W}}}body")
    if UNCHECKED.encode() in document_xml or CHECKED.encode() in document_xml:
        _align_choices(body)
    for table in [t for t in body if t.tag == _TBL]:
        rows = table.findall(_TR)
        if _is_signature(table):
            _keep_before(table)
            _keep_rows(rows[:-1])
        elif len(rows) <= SMALL_TABLE_ROWS:
            _keep_rows(rows[:-1])
        else:
            heading = sum(1 for row in rows if row.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None)
            _keep_rows(rows[: heading + 1])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
