"""Cut the page's own serif back to the glyphs the page prints.

WeasyPrint embeds a font that a form field uses whole (all 2,600 glyphs of the serif), because
a viewer might type any letter with it. Once the fields type with their own font
(field_font.py), the page's copy only has to draw the printed text: it is subset here to
the glyph ids its text shows, keeping every id in place (the page's text codes are glyph
ids), with the widths of those glyphs only.
"""

from __future__ import annotations

import io
import re

from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject

from .field_font import subset_options

_SHOW = {b"Tj", b"'", b'"', b"TJ"}


def shrink_font(writer: PdfWriter, font_ref) -> None:
    """Subset the Type 0 font at ``font_ref`` (Identity-H) to the glyphs the pages' text shows."""
    used = set()
    for page in writer.pages:
        _collect(page.get_contents(), page.get("/Resources"), font_ref, used)
    font = font_ref.get_object()
    cid_font = font["/DescendantFonts"][0].get_object()
    file = cid_font["/FontDescriptor"]["/FontFile2"].get_object()
    ttf = TTFont(io.BytesIO(file.get_data()))
    count = ttf["maxp"].numGlyphs
    used = sorted(g for g in used | {0} if g < count)
    options = subset_options()
    options.retain_gids = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=used)
    subsetter.subset(ttf)
    out = io.BytesIO()
    ttf.save(out)
    file.set_data(out.getvalue())
    file[NameObject("/Length1")] = NumberObject(len(out.getvalue()))
    widths = _widths(cid_font.get("/W", ArrayObject()))
    cid_font[NameObject("/W")] = ArrayObject(
        x for g in used if g in widths for x in (NumberObject(g), ArrayObject([FloatObject(widths[g])]))
    )


# A content stream's tokens, as far as showing text needs: literal and hex strings, dictionary marks
# (skipped), names, and operators (any other word; numbers and brackets are passed over).
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\()])*\)|<<|>>|<([0-9A-Fa-f\s]*)>|/([^\s/\[\]<>(){}%]*)|([A-Za-z'\"][A-Za-z0-9*'\"]*)"
)


def _collect(content, resources, font_ref, used: set) -> None:
    """The glyph ids shown with the font ``font_ref`` in a content stream and the forms it draws.
    A plain scan of the stream's tokens: pypdf's full parse takes half a second a blank."""
    if content is None or resources is None:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font", {})
    ours = {name[1:].encode() for name, ref in fonts.items() if getattr(ref, "idnum", None) == font_ref.idnum}
    xobjects = resources.get("/XObject", {})
    current, name, pending = None, None, []
    for match in _TOKEN.finditer(content.get_data()):
        hexes, label, operator = match.groups()
        if hexes is not None:
            digits = b"".join(hexes.split())
            pending.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))  # an odd last digit: 0 follows
        elif label is not None:
            name = label
        elif operator is not None:
            if operator == b"Tf":
                current = name
            elif operator in _SHOW and current in ours:
                for data in pending:
                    used.update(int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2))
            elif operator == b"Do" and name is not None and f"/{name.decode()}" in xobjects:
                form = xobjects[f"/{name.decode()}"].get_object()
                if form.get("/Subtype") == "/Form":
                    _collect(form, form.get("/Resources", resources), font_ref, used)
            pending = []


def _widths(w: ArrayObject) -> dict:
    """A CID font's /W array ("c [w1 w2 …]" and "c1 c2 w" runs) as glyph id → width."""
    widths, i = {}, 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], ArrayObject):
            widths.update((first + k, float(v)) for k, v in enumerate(w[i + 1]))
            i += 2
        else:
            widths.update((g, float(w[i + 2])) for g in range(first, int(w[i + 1]) + 1))
            i += 3
    return widths
