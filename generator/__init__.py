"""kiemdiem — validated data, computed classifications and sign-ready documents
for the Party's annual review (kiểm điểm, đánh giá, xếp loại chất lượng).

The Python API is the pipeline the CLI runs::

    from generator import load_document, prepare, render
    prepared = prepare(load_document("examples/ban-tu-kiem-diem-02b.json"))
    prepared.evaluation.level            # "HTXSNV"
    files = render(prepared, ["docx", "pdf"])   # {"docx": b"...", "pdf": b"..."}
"""

from .errors import InputError, Problem
from .evaluate import Evaluation, evaluate
from .files import render_file
from .load import load_document, parse
from .pipeline import FORMATS, Prepared, prepare, render
from .validate import validate

__version__ = "0.1.0"
__all__ = [
    "FORMATS",
    "Evaluation",
    "InputError",
    "Prepared",
    "Problem",
    "evaluate",
    "load_document",
    "parse",
    "prepare",
    "render",
    "render_file",
    "validate",
]
