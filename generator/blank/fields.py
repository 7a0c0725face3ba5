"""The places where a person writes on a blank, in the two ways a blank is printed.

On paper a place is text: a dotted leader for a name or a number, a few dotted lines
for a section, "☐ …" for a choice. In a fillable blank it is a ``Field``: for a PDF its
markup is the HTML form control WeasyPrint turns into an AcroForm field, for a DOCX a Word
content control (w:sdt); either is named by the value's JSON path, so ``kiemdiem import``
puts each answer back where the schema wants it without guessing. The templates print all
of them the same way (``{{ value }}``; Jinja asks a value for its ``__html__``), so a blank
and a filled document come from one template and cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..errors import json_path

LEADER = "…"
YES, NO = "co", "khong"  # the export values of a yes/no choice
YES_NO = ((YES, "Có"), (NO, "Không"))


def leader(width: int) -> str:
    """A dotted leader ``width`` ellipses long (one ellipsis is 1 em: 14 pt at body size)."""
    return LEADER * width


def field_name(path: list) -> str:
    """The JSON path without its "$.": ``dang_vien.ho_ten``, ``han_che_ky_truoc[0].noi_dung``
    (a field's path starts with a key)."""
    return json_path(path)[2:]


@dataclass(frozen=True)
class Field:
    """One AcroForm field of a fillable blank: ``kind`` is text, number, date, prose (several
    lines), choice (a radio group over ``options``) or list (a drop-down list of ``options``,
    where radio buttons would not fit: a table cell)."""

    path: tuple
    title: str
    kind: str
    value: str = ""  # pre-filled text, or the chosen option's code
    options: tuple = ()
    lines: int = 4
    size: str = "dai"  # the width class of a one-line field: ngan, vua, dai
    target: str = "pdf"  # pdf: an HTML form control; docx: a Word content control
    placeholder: str = ""  # what an empty Word control shows (the paper blank's leader or boxes)

    @property
    def name(self) -> str:
        return field_name(list(self.path))

    def __str__(self) -> str:
        return self.value

    def __html__(self) -> str:
        if self.target == "docx":
            return self._content_control()
        name, title = escape(self.name), escape(self.title)
        if self.kind == "prose":
            return Markup(
                f'<textarea class="o-viet" name="{name}" title="{title}" '
                f'style="height: {self.lines * 1.45:.2f}em">{escape(self.value)}</textarea>'
            )
        if self.kind == "choice":
            parts = []
            for code, label in self.options:
                checked = " checked" if code == self.value else ""
                parts.append(
                    f'<span class="lua-chon"><input type="radio" class="o-chon" name="{name}" '
                    f'value="{escape(code)}" title="{title}"{checked}> {escape(label)}</span>'
                )
            return Markup(f'<span class="nhom-chon">{" ".join(parts)}</span>')
        if self.kind == "list":
            options = "".join(
                f'<option value="{escape(code)}"{" selected" if code == self.value else ""}>{escape(label)}</option>'
                for code, label in (("", ""), *self.options)
            )
            return Markup(f'<select class="o-ds o-{self.size}" name="{name}" title="{title}">{options}</select>')
        size = "so" if self.kind == "number" else self.size
        return Markup(
            f'<input type="text" class="o o-{size}" name="{name}" title="{title}" value="{escape(self.value)}">'
        )

    def _content_control(self) -> str:
        """A Word content control in place of the value: the template prints the value inside a
        run's text (``<w:r><w:t>…{{ value }}…</w:t></w:r>``), so the run is closed, the control
        inserted and a run reopened for the text after it."""
        shown = dict(self.options).get(self.value, "") if self.options else self.value
        props = f'<w:alias w:val="{escape(self.title)}"/><w:tag w:val="{escape(self.name)}"/>'
        if not shown:  # Word shows the placeholder until something is typed or chosen
            props += "<w:showingPlcHdr/>"
            shown = self.placeholder
        if self.kind in ("choice", "list"):  # one value of several: Word's drop-down list, values are the codes
            items = "".join(
                f'<w:listItem w:displayText="{escape(label)}" w:value="{escape(code)}"/>'
                for code, label in self.options
            )
            props += f"<w:dropDownList>{items}</w:dropDownList>"
        else:
            props += '<w:text w:multiLine="1"/>' if self.kind == "prose" else "<w:text/>"
        lines = str(escape(shown)).split("\n")
        text = '</w:t><w:br/><w:t xml:space="preserve">'.join(lines)
        return Markup(
            f"</w:t></w:r><w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent><w:r>"
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve">'
        )
