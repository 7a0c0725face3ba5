"""The form page and the JSON endpoints it calls: a form's description, the live check, the print, a saved file opened.

The same steps as the command line: ``describe_form`` gives the fields from the form's JSON Schema and the
regime's rubric, ``check`` the validation messages and the classification of ``kiemdiem validate`` and
``classify``, ``render_document`` the files of ``kiemdiem render`` with the shipped templates. A document sent
is parsed like a .json file (NFC, no NaN); its problems come back as ``{"problems": [...]}``, each with its
path, title and reason (``problem_dict``). ``/api/ho-so/dang-vien`` gives the member's levels of the years
before from the record across years (web/past.py); a record that cannot be read is ``{"error": …}``.
"""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, render_template, request

from .. import __version__
from ..errors import InputError, Problem
from ..history.records import HistoryError
from ..load import MAX_BYTES, parse
from ..pipeline import FORMATS, renderable_forms
from .checking import check, problem_dict, render_document
from .forms import UnknownChoice, describe_form, web_forms
from .past import member_past
from .responses import attachment
from .uploads import read_document

bp = Blueprint("documents", __name__)


def _document():
    """The request body as a document, parsed like a .json file (NFC, no NaN)."""
    raw = request.get_data(cache=False)
    if len(raw) > MAX_BYTES:
        raise InputError([Problem("$", "Tài liệu", f"dữ liệu quá lớn ({len(raw)} byte; tối đa {MAX_BYTES} byte)")])
    try:
        return parse(raw.decode("utf-8"), ".json")
    except UnicodeDecodeError:
        raise InputError([Problem("$", "Tài liệu", "dữ liệu không phải văn bản UTF-8")]) from None


def _problems(error: InputError, status: int = 422):
    return jsonify({"problems": [problem_dict(p) for p in error.problems]}), status


@bp.get("/")
def index():
    return render_template("mau.html", forms=web_forms(), formats=FORMATS, version=__version__)


@bp.get("/api/mau/<form>")
def form_description(form: str):
    try:
        return jsonify(describe_form(form, request.args.get("regime") or None, request.args.get("profile") or None))
    except UnknownChoice as exc:
        abort(404, description=str(exc))


@bp.post("/api/kiem-tra")
def check_document():
    try:
        document = _document()
    except InputError as error:
        return _problems(error, 400)
    return jsonify(check(document))


@bp.post("/api/in/<fmt>")
def render_one(fmt: str):
    if fmt not in FORMATS:
        abort(404, description=f"không có định dạng “{fmt[:20]}”; chọn {', '.join(FORMATS)}")
    try:
        name, data = render_document(_document(), fmt)
    except InputError as error:
        return _problems(error)
    return attachment(data, name)


@bp.post("/api/mo-tep")
def open_saved():
    upload = request.files.get("tep")
    if upload is None:
        return _problems(InputError([Problem("$", "Tệp dữ liệu", "chưa chọn tệp .json hoặc .yaml")]), 400)
    try:
        document = read_document(upload, "Tệp dữ liệu")
    except InputError as error:
        return _problems(error, 400)
    if document.get("form") not in renderable_forms():
        shown = document.get("form")
        return _problems(
            InputError(
                [
                    Problem(
                        "$.form",
                        "Loại văn bản",
                        f"mẫu “{shown}” không nhập được ở đây; chọn một trong: {', '.join(renderable_forms())}",
                    )
                ]
            ),
            400,
        )
    return jsonify({"document": document})


@bp.post("/api/ho-so/dang-vien")
def member_past_levels():
    try:
        return jsonify(member_past(_document()))
    except InputError as error:
        return _problems(error, 400)
    except HistoryError as error:
        return jsonify({"error": f"Không đọc được hồ sơ xếp loại: {error}"}), 503
