"""Turn one schema field into what a blank prints there: the pre-filled value, a dotted
leader or lines on paper, or a named form field in a fillable PDF.

``Blank`` answers per JSON path, so the form layouts (``layouts.py``) only say which field
goes where; how a value, an empty place or a form control looks is decided here once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from ..present.boxes import boxes
from ..present.fields import paragraphs, present_value
from ..schema import choices, kind, load_schema, node_at, resolve, title_at
from ..vietnamese import so
from .fields import NO, YES, YES_NO, Field, leader

LINE = 30  # ellipses in a full indented line of body text (155 mm at 14 pt)
PROSE_LINES = 4


def options_of(schema: dict, node: dict) -> tuple:
    """(code, label) of an enum field (its oneOf consts), or Có/Không for a yes/no one."""
    node = resolve(schema, node)
    if node.get("type") == "boolean":
        return YES_NO
    return choices(schema, node)


class Blank:
    """The blank of one form: ``data`` is the validated pre-filled part; ``fillable`` ("pdf" or
    "docx") chooses form fields of that format over dotted leaders (paper)."""

    def __init__(self, form: str, data: dict, fillable: str | None = None):
        self.form, self.data, self.fillable = form, data, fillable
        self.schema = load_schema(form)

    # ------------------------------------------------------------ schema and data
    def node(self, path: list) -> dict:
        return node_at(self.schema, path) or {}

    def get(self, path: list) -> Any:
        value = self.data
        for key in path:
            if isinstance(key, int):
                value = value[key] if isinstance(value, list) and key < len(value) else None
            else:
                value = value.get(key) if isinstance(value, dict) else None
            if value is None:
                return None
        return value

    def title(self, path: list) -> str:
        return title_at(self.schema, path)

    def shown(self, path: list) -> Any:
        """The pre-filled value as the filled document prints it (dates, numbers, labels)."""
        return present_value(self.schema, self.node(path), self.get(path))

    def _typed(self, path: list) -> str:
        """The pre-filled value as a person would type it into a field."""
        value, node = self.get(path), self.node(path)
        if value is None:
            return ""
        if node.get("format") == "date":
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        if isinstance(value, bool):
            return YES if value else NO
        if isinstance(value, (int, float)) and node.get("x-kieu") != "nam":
            return so(value)
        if isinstance(value, list):
            return "\n".join(
                p["text"] if isinstance(p, dict) else str(p)
                for p in (paragraphs(value) if node.get("type") == ["string", "array"] else value)
            )
        return str(value)

    def _field(self, path: list, kind: str, placeholder: str = "", **kw) -> Field:
        return Field(
            tuple(path),
            self.title(path),
            kind,
            value=self._typed(path),
            target=self.fillable,
            placeholder=placeholder or (boxes(kw["options"]) if "options" in kw else leader(8)),
            **kw,
        )

    # ------------------------------------------------------------ what a place prints
    def text(self, path: list, width: int = 20, size: str = "dai"):
        """A name, a date, a short text: value, dotted leader, or a one-line field."""
        if self.fillable:
            kind = "date" if self.node(path).get("format") == "date" else "text"
            return self._field(path, kind, placeholder=leader(width), size="vua" if kind == "date" else size)
        return leader(width) if self.get(path) is None else str(self.shown(path))

    def number(self, path: list, empty: str = ""):
        """A count or a score: value, ``empty`` (an empty table cell, or a leader), or a number field."""
        if self.fillable:
            return self._field(path, "number", placeholder=leader(3))
        return empty if self.get(path) is None else str(self.shown(path))

    def prose(self, path: list, lines: int = PROSE_LINES) -> list[dict]:
        """A section: its paragraphs, ``lines`` dotted lines, or one multi-line field."""
        if self.fillable:
            return [
                {
                    "y": False,
                    "text": self._field(path, "prose", placeholder="\n".join([leader(LINE)] * lines), lines=lines),
                }
            ]
        value = self.get(path)
        if value is not None:
            return paragraphs(value)
        return [{"y": False, "text": leader(LINE)} for _ in range(lines)]

    def choice(self, path: list, options: tuple | None = None):
        """Levels, grades, yes/no: "☐ …" boxes (the chosen one ticked) or a radio group."""
        options = tuple(options if options is not None else options_of(self.schema, self.node(path)))
        if self.fillable:
            return self._field(path, "choice", options=options)
        value = self.get(path)
        chosen = (YES if value else NO) if isinstance(value, bool) else value
        return boxes(options, chosen)

    def dropdown(self, path: list, options: tuple, size: str = "o"):
        """A choice in a table cell: the pre-filled label or an empty cell on paper, a drop-down list in a PDF."""
        if self.fillable:
            return self._field(path, "list", options=tuple(options), size=size)
        value = self.get(path)
        return dict(options).get(value, "") if value is not None else ""

    def signer(self, path: list):
        """A name under a signature: the pre-filled name or nothing on paper (signed by hand)."""
        if self.fillable:
            return self._field(path, "text", size="ky")
        return "" if self.get(path) is None else str(self.shown(path))

    def lines_list(self, path: list, count: int = 2, width: int = 18):
        """A list of short lines (Nơi nhận, Kính gửi): the values, leaders, or one multi-line field."""
        if self.fillable:
            return [self._field(path, "prose", placeholder="\n".join([leader(width)] * count), lines=count, size="hep")]
        value = self.get(path)
        return [str(v) for v in value] if value else [leader(width)] * count

    def join(self, *parts):
        """Text and places on one line (the date line, a title with a name in it)."""
        if self.fillable:
            return Markup("").join(p if isinstance(p, Field) else escape(p) for p in parts)
        return "".join(str(p) for p in parts)

    # ------------------------------------------------------------ the appendix of facts the rules need
    def fact_rows(self, roots: list[list]) -> list[dict]:
        """One row per scalar field under each root: "title: ……" (or boxes), for the rules' data, as plain
        questions: the fields of one group under its title ("Kết quả thực hiện nhiệm vụ …:" then
        "- Số nhiệm vụ, chỉ tiêu được giao: ……"), not as breadcrumbs."""
        rows, group = [], None

        def walk(path: list) -> None:
            nonlocal group
            node = self.node(path)
            kinds = kind(self.schema, node)
            if kinds == "object":
                for key in node.get("properties", {}):
                    walk(path + [key])
                return
            if kinds in ("array", "lines", "paragraphs"):
                return
            if kinds == "boolean" or options_of(self.schema, node):
                place = self.choice(path)
            elif kinds in ("integer", "number"):
                place = self.number(path, empty=leader(6))
            else:
                place = self.text(path, 10, size="vua")
            parent = path[:-1]
            if len(path) > 1 and self.node(parent).get("title"):
                if group != parent:
                    group = parent
                    rows.append({"ten": self.node(parent)["title"], "o": ""})
                rows.append({"ten": f"- {self.node(path).get('title') or self.title(path)}", "o": place})
            else:
                group = None
                rows.append({"ten": self.title(path), "o": place})

        for root in roots:
            walk(root)
        return rows


class Setting(NamedTuple):
    """What a form's blank layout is given beside the Blank (generator/forms.py names the layout)."""

    rules: Any  # the regime's rules for the form's subject (None for a tờ trình, whose rules are its date's)
    regime: Any  # the whole regime, with its profile
    role: str | None  # the variant's role (02A/02B/02C), a bản tự kiểm điểm only
    data: dict  # the pre-filled data, validated
