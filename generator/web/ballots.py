"""The "Phiếu biểu quyết" page: make the meeting's ballot, and count the filled ones into the tally.

The same code paths as the command line: a ``phieu-bieu-quyet`` document checked by its schema, then
``make_blank``/``render_blank`` (``kiemdiem blank phieu-bieu-quyet [--fillable]``); the uploaded ballots
put into one folder and counted by ``tally_folder`` with the meeting's fields (``kiemdiem tally --data``).
Numbers and dates are read as typed (day first, ``typed_fields``), and every problem is the CLI's, title
first, shown beside its field. Only shipped profiles are accepted, as everywhere in the app.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request

from ..blank import make_blank, render_blank
from ..blank.ballot_fields import FORM as BALLOT
from ..blank.tally_import import TALLY, NoBallots, check_meeting, tally_folder
from ..errors import InputError, Problem
from ..filenames import slug
from ..load import MAX_BYTES, nfc, parse
from ..pipeline import prepare
from ..validate import validate, validate_partial
from .ballot_form import BALLOT_KEYS, MEETING_KEYS, page_context
from .ballot_uploads import UnsafeFile, collect
from .checking import file_stem, read_typed_document, render_document, shipped_profile_only
from .responses import attachment
from .uploads import read_document

FORMATS = ("pdf", "docx")
OUTPUTS = ("json", *FORMATS)
bp = Blueprint("ballots", __name__)


def _page(status: int = 200, **parts):
    return render_template("phieu.html", **page_context(**parts)), status


def _texts(form, keys, document: dict) -> dict:
    """The typed fields into ``document`` (an empty field is left out, as a key missing from a file)."""
    for key in keys:
        text = (form.get(key) or "").strip()
        if text:
            document[key] = text
    if form.get("don_vi_tieu_bieu"):
        document["don_vi_tieu_bieu"] = True
    return document


def _lines(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def ballot_document(form) -> dict:
    """The page's fields as a phieu-bieu-quyet document, its numbers read as typed (``InputError``)."""
    document = _texts(form, BALLOT_KEYS, {"form": BALLOT})
    if document.get("vong") in ("1", "2"):
        document["vong"] = int(document["vong"])
    names = _lines(form.get("dang_vien"))
    if names:
        document["dang_vien"] = names
    document = nfc(document)
    shipped_profile_only(document)
    document = read_typed_document(document)
    validate(document)  # every problem of the whole ballot; the defaults stay out, as in a --data file
    return document


def _choice(form, key: str, allowed, title: str) -> str:
    value = form.get(key) or allowed[0]
    if value not in allowed:
        raise InputError([Problem(f"--{key}", title, f"“{value[:60]}” không có; chọn một trong: {', '.join(allowed)}")])
    return value


@bp.get("/phieu-bieu-quyet")
def ballot_page():
    return _page()


@bp.post("/phieu-bieu-quyet/lam-phieu")
def make_ballot():
    form = request.form
    try:
        fmt = _choice(form, "dinh_dang", FORMATS, "Định dạng")
        fillable = _choice(form, "kieu", ("in", "dien_duoc"), "Loại phiếu") == "dien_duoc"
        document = ballot_document(form)
        data = render_blank(make_blank(BALLOT, document, fillable=fmt if fillable else None), fmt)
    except InputError as error:
        return _page(422, ballot=form, ballot_problems=error.problems)
    stem = f"phieu-bieu-quyet-{slug(document['chi_bo'])}" + ("-dien-duoc" if fillable else "")
    return attachment(data, f"{stem}.{fmt}")


def meeting_document(form, upload) -> dict:
    """``kiemdiem tally --data``: the meeting file if one is sent (round 2: the round-1 tally), with the
    fields typed on the page over it; checked as a partial tally (``InputError``)."""
    document = read_document(upload, "Tệp cuộc kiểm phiếu") if upload is not None and upload.filename else {}
    document.setdefault("form", TALLY)
    _texts(form, MEETING_KEYS, document)
    head, members = (form.get("truong_ban") or "").strip(), _lines(form.get("thanh_vien"))
    if head or members:
        document["ban_kiem_phieu"] = (
            [{"ho_ten": " ".join(head.split()), "chuc_danh": "truong_ban"}] if head else []
        ) + [{"ho_ten": name, "chuc_danh": "thanh_vien"} for name in members]
    document = nfc(document)
    shipped_profile_only(document)
    document = read_typed_document(document, lambda d: validate_partial(TALLY, d))
    return check_meeting(document)


def _named(shown: dict, entries):
    return [(shown.get(name, name), why) for name, why in entries]


def _file_problems(entries) -> list[dict]:
    return [{"name": name, "problems": [str(p) for p in problems]} for name, problems in entries]


@bp.post("/phieu-bieu-quyet/dem-phieu")
def count_ballots():
    form = request.form
    try:
        meeting = meeting_document(form, request.files.get("cuoc_hop"))
    except InputError as error:
        return _page(422, meeting=form, meeting_problems=error.problems)
    root = Path(current_app.config["KIEMDIEM_WORKDIR"]) / "kiem-phieu"
    root.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=root))  # one per request, removed when counted
    try:
        try:
            found = collect(request.files.getlist("phieu"), folder)
        except UnsafeFile as exc:
            return _page(400, meeting=form, refused=str(exc))
        if not found.shown and not found.refused:
            return _page(
                400, meeting=form, refused="chưa chọn phiếu đã điền (.pdf, .docx, hoặc tệp .zip chứa các phiếu)"
            )
        notes = {"ignored": found.ignored, "same": found.same}
        try:
            result = tally_folder(folder, meeting)
        except NoBallots as error:
            files = _file_problems(found.refused + _named(found.shown, error.rejected))
            return _page(422, meeting=form, meeting_problems=error.problems[:1], files=files, notes=notes)
        except InputError as error:  # the tally the ballots make does not hold with the meeting's numbers
            return _page(
                422, meeting=form, meeting_problems=error.problems, notes=notes, files=_file_problems(found.refused)
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    files = _file_problems(found.refused + _named(found.shown, result.rejected))
    tally = {
        "document": result.document,
        "text": json.dumps(result.document, ensure_ascii=False),
        "round": result.round,
        "received": result.received,
        "valid": result.valid,
        "summary": result.prepared.evaluation.summary(),
        "lines": result.prepared.evaluation.lines(),
        "invalid": _named(found.shown, result.invalid),
        "partly": _named(found.shown, result.partly),
    }
    return _page(200, meeting=form, files=files, notes=notes, tally=tally)


@bp.post("/phieu-bieu-quyet/bien-ban.<fmt>")
def tally_download(fmt: str):
    """The tally shown on the page, as the JSON file ``kiemdiem tally -o`` writes, or printed like ``kiemdiem render``."""
    if fmt not in OUTPUTS:
        return _page(404, refused=f"không có định dạng “{fmt[:20]}”; chọn {', '.join(OUTPUTS)}")
    text = request.form.get("bien_ban") or ""
    try:
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise InputError([Problem("$", "Biên bản kiểm phiếu", f"dữ liệu quá lớn (tối đa {MAX_BYTES} byte)")])
        document = parse(text, ".json")
        if not isinstance(document, dict) or document.get("form") != TALLY:
            raise InputError([Problem("$.form", "Loại văn bản", f"cần một biên bản kiểm phiếu ({TALLY})")])
        if fmt != "json":
            name, data = render_document(document, fmt)
            return attachment(data, name)
        shipped_profile_only(document)
        prepared = prepare(document)
    except InputError as error:
        return _page(422, meeting_problems=error.problems)
    data = (json.dumps(prepared.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return Response(
        data,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{file_stem(prepared.document)}.json"'},
    )
