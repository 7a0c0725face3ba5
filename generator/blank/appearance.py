"""How a fillable blank's fields look in every filler and viewer, not only in the ones that redraw them.

A field's look is its appearance stream; its value alone (/V) is shown only by a program that
draws the value itself from the field's default appearance (/DA: font and size) and the
form's fonts (/DR). So, after WeasyPrint:

* every text field and drop-down list types with one Vietnamese-capable font (field_font.py),
  named in its /DA ("0 g /KdSerif 13 Tf") and alone in /DR;
* a pre-filled value gets its appearance drawn here, in that font;
* /NeedAppearances is false: a value with an appearance is shown as drawn, and a field without
  one (an empty field a filler only gave a /V) is drawn by the viewer anyway (poppler, MuPDF,
  pdf.js do so). With it true, ``qpdf --generate-appearances`` would redraw every value in its
  own Latin-1 encoding, "Nguy?n Th? H?ng".
"""

from __future__ import annotations

import re

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from .field_font import NAME, FieldFont, field_font
from .page_font import shrink_font

_SIZE = re.compile(rb"/(\S+)\s+([\d.]+)\s+Tf")
PAD = 2.0  # points between a field's edge and its text (what viewers use)
MULTILINE = 1 << 12
LEADING = 1.15  # line height of a multi-line field, in font sizes


def widgets(writer: PdfWriter):
    """Each widget annotation of the blank, with the field that holds its type and value."""
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            widget = ref.get_object()
            if widget.get("/Subtype") == "/Widget":
                field = widget if "/FT" in widget else widget["/Parent"].get_object()
                yield widget, field


def give_appearances(writer: PdfWriter) -> None:
    """Put the blank's text fields in the field font, and draw the values it already holds."""
    acroform = writer._root_object["/AcroForm"].get_object()
    typed = [(w, f) for w, f in widgets(writer) if f.get("/FT") in ("/Tx", "/Ch") and "/DA" in f]
    if not typed:
        return
    page_fonts = [
        acroform["/DR"]["/Font"].raw_get(f"/{name}")
        for name in dict.fromkeys(_SIZE.search(str(f["/DA"]).encode()).group(1).decode() for _, f in typed)
    ]
    source = page_fonts[0].get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]  # the fields' face
    if "/FontFile2" not in source:  # not TrueType outlines (no Times-like serif on the machine is): left as it is
        return
    font = field_font(source["/FontFile2"].get_object().get_data())
    ref = font.add_to(writer, str(page_fonts[0].get_object()["/BaseFont"]).partition("+")[2])
    for page_font in page_fonts:  # embedded whole for the fields, now only for the page's text
        shrink_font(writer, page_font)
    acroform[NameObject("/DR")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject(NAME): ref})})
    acroform[NameObject("/DA")] = TextStringObject(f"0 g {NAME} 12 Tf")
    acroform[NameObject("/NeedAppearances")] = BooleanObject(False)
    for widget, field in typed:
        size = float(_SIZE.search(str(field["/DA"]).encode()).group(2))
        field[NameObject("/DA")] = TextStringObject(f"0 g {NAME} {size:g} Tf")
        text = _shown(field)
        if text:
            widget[NameObject("/AP")] = DictionaryObject(
                {
                    NameObject("/N"): writer._add_object(
                        _stream(font, ref, widget, text, size, bool(field.get("/Ff", 0) & MULTILINE))
                    )
                }
            )


def _shown(field) -> str:
    """The text a field shows: its value, or for a drop-down list the chosen option's label."""
    value = field.get("/V")
    if value is None or isinstance(value, NameObject):
        return ""
    value = str(value)
    for option in field.get("/Opt", []):
        if isinstance(option, ArrayObject) and str(option[0]) == value:
            return str(option[1])
    return value


def lines_of(font: FieldFont, text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines at its line breaks and, where a line is wider than ``width``, between words."""
    lines = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and font.width(trial, size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def _stream(font: FieldFont, ref, widget, text: str, size: float, multiline: bool) -> StreamObject:
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    width, height = abs(x1 - x0), abs(y1 - y0)
    ascent, descent = font.ascent * size / 1000, font.descent * size / 1000
    if multiline:
        lines = lines_of(font, text, size, width - 2 * PAD)
        top = height - PAD - ascent
    else:
        lines = [" ".join(text.split())]
        top = (height - (ascent - descent)) / 2 - descent
    shown = [
        f"{PAD:g} {top - i * size * LEADING:.2f} Td <{font.encode(line).hex()}> Tj"
        if i == 0
        else f"0 {-size * LEADING:.2f} Td <{font.encode(line).hex()}> Tj"
        for i, line in enumerate(lines)
    ]
    content = (
        f"/Tx BMC q {PAD / 2:g} {PAD / 2:g} {width - PAD:.2f} {height - PAD:.2f} re W n "
        f"BT {NAME} {size:g} Tf 0 g " + " ".join(shown) + " ET Q EMC"
    )
    stream = StreamObject()
    stream.set_data(content.encode("ascii"))
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (0, 0, width, height)),
            NameObject("/Resources"): DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject(NAME): ref})}
            ),
        }
    )
    return stream.flate_encode()
