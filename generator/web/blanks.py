"""Blank forms from the page, and filled fillable forms read back into records.

Exactly what ``kiemdiem blank`` and ``kiemdiem import`` do (``generator.blank``'s
``make_blank``, ``render_blank`` and ``read_blank``, then the pipeline's ``prepare``):
a member who fills a fillable PDF in a viewer gets the same record back here as on
the command line. Only shipped profiles are accepted, as everywhere in the app.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from ..blank import make_blank, render_blank
from ..blank.reading import read_blank
from ..errors import InputError, Problem
from ..evaluate.profile import known_profiles
from ..evaluate.regime import known_regimes
from ..forms import blank_forms, variant_codes
from ..forms import form as registered
from ..pipeline import prepare
from .checking import problem_dict
from .forms import web_forms
from .responses import attachment
from .uploads import UploadRefused, check_archive, read_document

FORMATS = ("pdf", "docx")
bp = Blueprint("blanks", __name__)


def _choices() -> dict:
    return {
        "forms": web_forms(blank_forms()),
        "variants": variant_codes(),
        "regimes": known_regimes(),
        "profiles": known_profiles(),
        "formats": FORMATS,
    }


def _prefill() -> dict:
    """The optional JSON/YAML file of fields to print already filled in (``kiemdiem blank --data``)."""
    upload = request.files.get("du_lieu")
    if upload is None or not upload.filename:
        return {}
    return read_document(upload, "Tệp dữ liệu điền sẵn")


def _one_of(name: str, allowed, title: str) -> str | None:
    value = request.form.get(name) or None
    if value is not None and value not in allowed:
        raise InputError(
            [Problem(f"--{name}", title, f"“{value[:60]}” không có; chọn một trong: {', '.join(allowed)}")]
        )
    return value


@bp.get("/ban-trong")
def blank_page():
    return render_template("ban_trong.html", **_choices())


@bp.post("/ban-trong")
def blank_download():
    try:
        form = _one_of("mau", blank_forms(), "Mẫu") or blank_forms()[0]
        fmt = _one_of("dinh_dang", FORMATS, "Định dạng") or "pdf"
        variant = _one_of("bien_the", variant_codes(), "Mẫu 02A, 02B, 02C") if registered(form).blank_variants else None
        regime = _one_of("regime", known_regimes(), "Quy định áp dụng")
        profile = _one_of("profile", known_profiles(), "Hồ sơ quy định địa phương")
        fillable = fmt if request.form.get("dien_duoc") else None
        blank = make_blank(form, _prefill(), regime=regime, profile=profile, variant=variant, fillable=fillable)
        data = render_blank(blank, fmt)
    except InputError as error:
        return render_template("ban_trong.html", problems=[problem_dict(p) for p in error.problems], **_choices()), 400
    name = "-".join(filter(None, ["ban-trong", form, (variant or "").lower(), "dien-duoc" if fillable else None]))
    return attachment(data, f"{name}.{fmt}")


@bp.get("/nhap-ban-dien")
def import_page():
    return render_template("nhap_ban_dien.html")


@bp.post("/nhap-ban-dien")
def import_filled():
    upload = request.files.get("ban_dien")
    data = upload.read() if upload is not None else b""
    document, problems, summary = None, [], None
    try:
        if not data:
            raise UploadRefused("chưa chọn bản PDF hoặc DOCX đã điền")
        if data[:2] == b"PK":
            check_archive(data, "word/document.xml", "bản DOCX điền được")
        elif data[:5] != b"%PDF-":
            raise UploadRefused("cần bản PDF hoặc DOCX điền được (tạo ở trang “Bản trống”, có ô điền)")
    except UploadRefused as exc:
        return render_template("nhap_ban_dien.html", refused=str(exc)), 400
    notices: list[str] = []
    try:
        document = read_blank(data, notices)
    except InputError as error:
        return render_template(
            "nhap_ban_dien.html", problems=[problem_dict(p) for p in error.problems], name=upload.filename
        ), 422
    try:
        prepared = prepare(document)
        document, summary = prepared.document, prepared.evaluation.summary()
    except InputError as error:
        problems = [problem_dict(p) for p in error.problems]
    status = 200 if summary else 422
    return render_template(
        "nhap_ban_dien.html",
        document=document,
        problems=problems,
        summary=summary,
        notices=notices,
        name=upload.filename,
    ), status
