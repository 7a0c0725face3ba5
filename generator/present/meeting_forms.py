"""The one context of the chi bộ meeting's papers (ballot, tally, residence comment).

Same shape as every form's context: the document as the schema presents it,
``ket_qua`` for what was computed, ``trinh_bay`` for the strings the layout prints.
"""
from __future__ import annotations

from ..evaluate.ballot import FORM as BALLOT
from ..evaluate.residence import FORM as RESIDENCE
from ..evaluate.tally import FORM as TALLY
from ..validate import load_schema
from .ballot import ballot_layout, ballot_result
from .fields import _present
from .residence import residence_layout
from .tally import tally_layout

LAYOUTS = {BALLOT: ballot_layout, TALLY: tally_layout, RESIDENCE: residence_layout}


def meeting_context(document: dict, evaluation) -> dict:
    schema = load_schema(document["form"])
    context = _present(schema, schema, document)
    context["ket_qua"] = ballot_result(evaluation) if document["form"] == BALLOT else evaluation.as_dict()
    context["trinh_bay"] = LAYOUTS[document["form"]](document, evaluation)
    return context
