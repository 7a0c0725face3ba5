"""The chi bộ meeting's papers: ballot, tally, residence comment, each with its own evaluation.

Kept apart from the classification of members and organisations (``SUBJECTS``):
these forms rate nobody by the rules' conditions, they print or count a vote.
"""
from __future__ import annotations

from .ballot import FORM as BALLOT, evaluate_ballot
from .residence import FORM as RESIDENCE, evaluate_residence
from .tally import FORM as TALLY, evaluate_tally

EVALUATORS = {BALLOT: evaluate_ballot, TALLY: evaluate_tally, RESIDENCE: evaluate_residence}
