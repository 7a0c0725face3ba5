"""The one font every field of a fillable PDF blank types with.

WeasyPrint names, as a field's font, the serif of the page embedded whole (2,600 glyphs,
390 KB), with a character map a filler may or may not read. Here that same serif is cut
down with fontTools to what Vietnamese (and its neighbours) needs: Latin-1, Latin
Extended-A and -B, the Latin Extended Additional letters (U+1EA0–U+1EF9), the combining
marks, digits and punctuation; about 780 glyphs, 30 KB. It is written once as a Type 0
font (Identity-H, the glyph id is the code) with a ToUnicode map and every glyph's width,
so a filler that builds the appearance of a typed value from the form's /DR (poppler, pypdf,
MuPDF) finds every letter of "Nguyễn Thị Hằng" in it, and a text extractor reads it back.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache

from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

# What a field holds: printable ASCII, Latin-1, Latin Extended-A/B, combining marks, Vietnamese letters,
# general punctuation (dashes, quotes, …), the đồng sign and the numero sign.
CODEPOINTS = frozenset(
    [
        *range(0x20, 0x7F),
        *range(0xA0, 0x250),
        *range(0x300, 0x370),
        *range(0x1EA0, 0x1EFA),
        *range(0x2010, 0x2027),
        0x20AB,
        0x2116,
    ]
)
NAME = (
    "/TiRo"  # the font's name in /DR and every /DA: a Times-like roman, the one name PyMuPDF keeps ("Helv" otherwise)
)


@dataclass(frozen=True)
class FieldFont:
    """A subset of one TrueType font: its file, and per character its glyph id and width (1/1000 em)."""

    data: bytes
    postscript: str
    glyphs: dict  # code point → glyph id in ``data``
    widths: tuple  # glyph id → advance width, 1/1000 em
    bbox: tuple
    ascent: float
    descent: float
    cap_height: float

    def encode(self, text: str) -> bytes:
        """``text`` as the font's codes (two bytes a glyph); a character it lacks is left out."""
        return b"".join(self.glyphs[ord(c)].to_bytes(2, "big") for c in text if ord(c) in self.glyphs)

    def width(self, text: str, size: float) -> float:
        """The advance of ``text`` at ``size`` points."""
        return sum(self.widths[self.glyphs[ord(c)]] for c in text if ord(c) in self.glyphs) * size / 1000

    def add_to(self, writer: PdfWriter, family: str = ""):
        """The Type 0 font dictionary, added to ``writer`` (an indirect reference); ``family``: the name
        after the subset tag (the page's copy of the serif is "ABCDEF+Liberation-Serif"), else the font's own."""
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha256(self.data).digest()[:6])
        name = NameObject(f"/{tag}+{family or self.postscript}")
        file = StreamObject()
        file.set_data(self.data)
        file[NameObject("/Length1")] = NumberObject(len(self.data))
        file = file.flate_encode(level=9)
        descriptor = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/FontDescriptor"),
                NameObject("/FontName"): name,
                NameObject("/Flags"): NumberObject(6),  # serif, symbolic (its own character set)
                NameObject("/FontBBox"): ArrayObject(FloatObject(v) for v in self.bbox),
                NameObject("/ItalicAngle"): NumberObject(0),
                NameObject("/Ascent"): FloatObject(self.ascent),
                NameObject("/Descent"): FloatObject(self.descent),
                NameObject("/CapHeight"): FloatObject(self.cap_height),
                NameObject("/StemV"): NumberObject(80),
                NameObject("/FontFile2"): writer._add_object(file),
            }
        )
        cid_font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/CIDFontType2"),
                NameObject("/BaseFont"): name,
                NameObject("/CIDToGIDMap"): NameObject("/Identity"),
                NameObject("/CIDSystemInfo"): DictionaryObject(
                    {
                        NameObject("/Registry"): TextStringObject("Adobe"),
                        NameObject("/Ordering"): TextStringObject("Identity"),
                        NameObject("/Supplement"): NumberObject(0),
                    }
                ),
                NameObject("/FontDescriptor"): writer._add_object(descriptor),
                NameObject("/W"): ArrayObject(
                    [NumberObject(0), ArrayObject(FloatObject(round(w, 1)) for w in self.widths)]
                ),
            }
        )
        to_unicode = DecodedStreamObject()
        to_unicode.set_data(self._to_unicode())
        return writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type0"),
                    NameObject("/BaseFont"): name,
                    NameObject("/Encoding"): NameObject("/Identity-H"),
                    NameObject("/DescendantFonts"): ArrayObject([writer._add_object(cid_font)]),
                    NameObject("/ToUnicode"): writer._add_object(to_unicode.flate_encode(level=9)),
                }
            )
        )

    def _to_unicode(self) -> bytes:
        pairs = sorted({gid: cp for cp, gid in sorted(self.glyphs.items(), reverse=True)}.items())
        lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        for start in range(0, len(pairs), 100):
            chunk = pairs[start : start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines += [f"<{gid:04X}> <{chr(cp).encode('utf-16-be').hex().upper()}>" for gid, cp in chunk]
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode("ascii")


def subset_options() -> subset.Options:
    """fontTools options for a font a PDF only draws with: no hinting (WeasyPrint's default too; a third of
    the file), no shaping tables (a viewer does not shape a field's text, the page's is shaped already)."""
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "DSIG"]
    options.notdef_outline = True
    return options


@lru_cache(maxsize=4)
def field_font(font_file: bytes) -> FieldFont:
    """The Vietnamese subset of a TrueType font file (the blank's own serif), made once a process."""
    options = subset_options()
    options.name_IDs = [1, 2, 4, 6]
    font = TTFont(io.BytesIO(font_file))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=CODEPOINTS)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    font = TTFont(io.BytesIO(out.getvalue()))
    scale = 1000 / font["head"].unitsPerEm
    order = font.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    head, hhea = font["head"], font["hhea"]
    cap = getattr(font["OS/2"], "sCapHeight", 0) or hhea.ascent
    return FieldFont(
        data=out.getvalue(),
        postscript=font["name"].getDebugName(6) or "Serif",
        glyphs={cp: gid[name] for cp, name in font.getBestCmap().items()},
        widths=tuple(font["hmtx"][name][0] * scale for name in order),
        bbox=tuple(v * scale for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        ascent=hhea.ascent * scale,
        descent=hhea.descent * scale,
        cap_height=cap * scale,
    )
