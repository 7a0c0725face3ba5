"""Step 3 — evaluate: scores, level and reasons under the document's regime.

``evaluate(document)`` takes a validated document and returns its result: an ``Evaluation``
for a member or an organisation (subjects.py), a ``CommendationEvaluation`` for a tờ trình
(commendation.py), the meeting's papers' own results (meeting_forms.py). Each module below
imports the others it builds on, never this package.
"""
from __future__ import annotations

from .commendation import CommendationEvaluation, evaluate_commendation
from .engine import NOT_RATED, Reason
from .meeting_forms import EVALUATORS
from .regime import UNDECIDED, load_regime
from .subjects import SUBJECTS, Evaluation, evaluate_record, evaluate_subject, regime_of, rule_problems

__all__ = ["CommendationEvaluation", "Evaluation", "NOT_RATED", "Reason", "SUBJECTS", "UNDECIDED", "evaluate",
           "evaluate_record", "load_regime", "regime_of", "rule_problems"]
COMMENDATION_FORM = "to-trinh-khen-thuong"


def evaluate(document: dict, profile: str | None = None, wages: list[dict] | None = None):
    """Classify one member or organisation, judge a meeting's paper, or check and price a commendation
    proposal; ``profile`` (an id or a file) overrides the document's own; ``wages``: wage rows from a
    ``--luong-co-so`` file (generator/evaluate/commendation.read_wage_file), for a tờ trình."""
    if document["form"] == COMMENDATION_FORM:
        regime_of(document, profile)  # a profile for another regime is refused the same way
        return evaluate_commendation(document, profile, wages)
    if document["form"] in EVALUATORS:
        return EVALUATORS[document["form"]](document, regime_of(document, profile))
    return evaluate_subject(document, profile)
