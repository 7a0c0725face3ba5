"""Keep a document symbol, a date and a year on one line in the PDF.

WeasyPrint breaks lines where Unicode allows, and Unicode allows a break after "-" and "/":
"366-QĐ/⏎TW", "27-⏎HD/BTCTW", "quý I/⏎2026", "…năm⏎2025". A non-breaking hyphen or a word joiner would
stop that but changes the text, so a PDF viewer's search for "366-QĐ/TW" fails. Instead each such run
of text is wrapped, as it is, in a span that does not wrap. Only text between tags is touched, never
an attribute, a title or a form field's value.
"""
from __future__ import annotations

import re

# "366-QĐ/TW", "07-HD/BTCTW", "161/2026/NĐ-CP", "01/7/2026", "quý I/2026", "năm 2025", "T/M".
_WHOLE = re.compile(r"(?:quý [IVX]+/\d{4}|năm \d{4}|tháng \d{1,2}|ngày \d{1,2}|\w+(?:[-–/]\w+)+)")
_TAG = re.compile(r"(<[^>]*>)")
_RAW = re.compile(r"<(/?)(title|style|script|textarea|select|option)\b", re.IGNORECASE)
_NOWRAP = '<span style="white-space: nowrap">{}</span>'


def _wrap(text: str) -> str:
    return _WHOLE.sub(lambda m: _NOWRAP.format(m.group(0)), text)


def keep_symbols_whole(html: str) -> str:
    """``html`` with every symbol, date part and "năm YYYY" of its visible text in a non-wrapping span."""
    parts, raw = _TAG.split(html), 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            opened = _RAW.match(part)
            if opened:
                raw += -1 if opened.group(1) else (0 if part.endswith("/>") else 1)
                raw = max(raw, 0)
        elif raw == 0 and part.strip():
            parts[i] = _wrap(part)
    return "".join(parts)
