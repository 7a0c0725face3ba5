"""The one context of the chi bộ meeting's papers (ballot, tally, residence comment).

Same shape as every form's context: the document as the schema presents it,
``ket_qua`` for what was computed, ``trinh_bay`` for the strings the layout prints.
Each paper's presenter (ballot.py, tally.py, residence.py) gives its own two parts.
"""

from __future__ import annotations

from ..schema import load_schema
from .fields import present_value


def meeting_context(document: dict, ket_qua: dict, trinh_bay: dict) -> dict:
    schema = load_schema(document["form"])
    context = present_value(schema, schema, document)
    context["ket_qua"] = ket_qua
    context["trinh_bay"] = trinh_bay
    return context
