"""What a secretary sees page by page before signing, read from a PDF's text with its positions.

``faults(pdf)`` names each layout fault of issue 14 that would send a document back to be reprinted:
a signature block opening a page (Nơi nhận / T/M … alone on the last page), a heading stranded as the
last line of a page, a document symbol or date broken across lines, numbered pages of a one-sheet ballot.
The same check reads a DOCX once LibreOffice has turned it into a PDF (``docx_to_pdf``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from generator.present.header_lines import COMPOUNDS, ORGANISATIONAL

# The first line of a signature block: "Nơi nhận:", "T/M CHI ỦY", "TM. BAN THƯỜNG VỤ", "KT. BÍ THƯ",
# the member's own "NGƯỜI TỰ KIỂM ĐIỂM", the residence comment's "XÁC NHẬN CỦA …", a tally's signers.
SIGNATURE_START = re.compile(
    r"^(Nơi nhận|T/M |TM\. |KT\. |NGƯỜI TỰ KIỂM ĐIỂM|XÁC NHẬN CỦA|TỔ TRƯỞNG|THƯ KÝ|CHỦ TỌA|"
    r"NGƯỜI KIỂM ĐIỂM|ĐẠI DIỆN|BÍ THƯ|PHÓ BÍ THƯ)"
)
# A numbered heading: "II. TỰ XẾP LOẠI", "3. Việc thực hiện", "2.1. …", "a) …".
HEADING = re.compile(r"^([IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\))\s+\S")
# A line that ends inside a symbol: "366-QĐ/", "27-", "quý I/", "năm" before its year.
BROKEN_SYMBOL = re.compile(r"\w[-/]$")
YEAR_AHEAD = re.compile(r"\b(năm|quý [IV]+/)$")
PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# A header's or a title's line in capitals never ends inside one of these ("CƠ / SỞ", "XÃ / HỘI").
# ("THƯƠNG BINH / VÀ XÃ HỘI" is a fair break: a phrase joined by "VÀ" is only a preference of header_lines.)
PHRASES = sorted((p for p in (*COMPOUNDS, *ORGANISATIONAL) if len(p) > 1 and "VÀ" not in p), key=len, reverse=True)
FIELD = "[ô điền]"


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    text: str
    bold: bool
    top: float  # points from the top of the page
    centre: float = 0.0  # of the line, across the page: a header column's or a title's lines share theirs


def read_lines(pdf: bytes) -> list[list[Line]]:
    """Each page's text lines top to bottom (NFC), the running page number left out."""
    pages = []
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        for number, page in enumerate(document, 1):
            lines = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    spans = [s for s in line["spans"] if s["text"].strip()]
                    if not spans:
                        continue
                    text = unicodedata.normalize("NFC", "".join(s["text"] for s in line["spans"]).strip())
                    bold = all(s["flags"] & 16 or "Bold" in s["font"] for s in spans)
                    x0, top, x1, _ = line["bbox"]
                    lines.append(Line(number, text, bold, round(top, 1), round((x0 + x1) / 2, 1)))
            # A fillable blank's fields print no text but take the place a hand writes in.
            lines += [Line(number, FIELD, False, round(w.rect.y0, 1)) for w in page.widgets()]
            lines.sort(key=lambda ln: ln.top)
            # The page number HD 36 prints top centre from page 2 (a short line of digits in the top margin).
            pages.append([ln for ln in lines if not (ln.top < 60 and PAGE_NUMBER.match(ln.text))])
    return pages


def page_numbers(pdf: bytes) -> list[str]:
    """The running page numbers printed in the top margin, page by page ('' where none)."""
    numbers = []
    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        for page in document:
            top = [w[4] for w in page.get_text("words") if w[1] < 60 and PAGE_NUMBER.match(w[4])]
            numbers.append(top[0] if top else "")
    return numbers


def faults(pdf: bytes, name: str = "") -> list[str]:
    """Every fault of the document, each as "name p.N: what"; empty when the pages are sign-ready."""
    pages, found = read_lines(pdf), []
    where = f"{name} " if name else ""
    for index, lines in enumerate(pages):
        number = index + 1
        if number > 1 and lines and SIGNATURE_START.match(lines[0].text):
            found.append(f"{where}p.{number}: trang bắt đầu bằng khối chữ ký «{lines[0].text}»")
        if number < len(pages) and lines:
            last = lines[-1]
            if last.bold and HEADING.match(last.text):
                found.append(f"{where}p.{number}: đề mục ở cuối trang «{last.text}»")
        for line, following in zip(lines, lines[1:]):
            if (
                BROKEN_SYMBOL.search(line.text)
                and following.text[:1].isalnum()
                or YEAR_AHEAD.search(line.text)
                and following.text[:4].isdigit()
            ):
                found.append(
                    f"{where}p.{number}: ký hiệu hoặc ngày bị ngắt dòng «{line.text[-20:]} / {following.text[:12]}»"
                )
    return found + _broken_phrases(pages, where)


def _capitals(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _broken_phrases(pages: list[list[Line]], where: str) -> list[str]:
    """Centred lines in capitals (header names, titles) that split a compound between them."""
    found = []
    for lines in pages:
        capitals = [ln for ln in lines if _capitals(ln.text)]
        for line in capitals:
            below = next((b for b in capitals if 0 < b.top - line.top < 30 and abs(b.centre - line.centre) < 4), None)
            if below is None:
                continue
            end, start = line.text.split(), below.text.split()
            broken = next(
                (
                    (phrase, k)
                    for phrase in PHRASES
                    for k in range(1, len(phrase))
                    if end[-k:] == list(phrase[:k]) and start[: len(phrase) - k] == list(phrase[k:])
                ),
                None,
            )
            if broken:
                phrase, k = broken
                found.append(
                    f"{where}p.{line.page}: cụm từ bị ngắt dòng «{' '.join(phrase[:k])} / {' '.join(phrase[k:])}»"
                )
    return found


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """The DOCX as LibreOffice lays it out (its own profile, so parallel runs do not share one)."""
    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "in.docx")
        source.write_bytes(docx)
        profile = Path(work, "profile").as_uri()
        subprocess.run(
            [
                soffice(),
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "HOME": work},
        )
        return Path(work, "in.pdf").read_bytes()
