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


# A table of up to this many rows (its heading row included) moves to the next page whole rather than split.
SMALL_TABLE_ROWS = 9
_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr\b")


def _with_style(tag: str, rule: str) -> str:
    """``tag`` (an opening tag) with ``rule`` added to its style attribute."""
    found = re.search(r'\sstyle="([^"]*)"', tag)
    if found:
        return tag[: found.start(1)] + f"{found.group(1).rstrip('; ')}; {rule}" + tag[found.end(1) :]
    return tag[:-1].rstrip("/") + f' style="{rule}">'


def keep_tables_whole(html: str) -> str:
    """Small tables kept on one page; a long one never leaves its heading with a single row at a page foot
    (its second body row may not start a page)."""

    def table(match: re.Match) -> str:
        text = match.group(0)
        if "<table" in text[1:]:  # a nested table: left as it is
            return text
        rows = [m.start() for m in _ROW.finditer(text)]
        if len(rows) <= SMALL_TABLE_ROWS:
            end = text.index(">") + 1
            return _with_style(text[:end], "break-inside: avoid") + text[end:]
        body = text.find("<tbody")
        body_rows = [r for r in rows if r > body] if body >= 0 else rows[1:]
        if len(body_rows) < 2:
            return text
        at = body_rows[1]
        end = text.index(">", at) + 1
        return text[:at] + _with_style(text[at:end], "break-before: avoid") + text[end:]

    return _TABLE.sub(table, html)
