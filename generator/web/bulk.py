"""A whole đảng bộ from one workbook: the page, the empty workbook to fill, the upload, the job's status and its ZIP.

``kiemdiem bulk`` run in the background (web/jobs.py, the app's ``kiemdiem_jobs``): the workbook and the
files beside it (the folder chosen with it: reports, member files) are checked within the upload guards
before a job starts, then the page polls its status. Everything is written under the app's working directory.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, send_file, url_for

from ..load import MAX_BYTES
from ..pipeline import FORMATS
from .responses import attachment
from .uploads import MAX_ATTACHMENTS, MAX_UPLOAD, UploadRefused, attachment_path, check_workbook

bp = Blueprint("bulk", __name__)


def _jobs():
    return current_app.extensions["kiemdiem_jobs"]


def _bulk_page(problem: str | None = None) -> str:
    from ..evaluate.regime import known_regimes, load_regime

    regimes = [{"id": r, "name": load_regime(r).name} for r in reversed(known_regimes())]
    return render_template(
        "so_dang_bo.html", formats=FORMATS, max_mb=MAX_UPLOAD // (1024 * 1024), regimes=regimes, problem=problem
    )


@bp.get("/so-dang-bo")
def bulk_page():
    return _bulk_page()


@bp.get("/so-dang-bo/so-trong.xlsx")
def blank_workbook():
    """``kiemdiem workbook-template --regime …``: an empty workbook to fill in Excel."""
    from ..evaluate.regime import known_regimes
    from ..workbook import write_workbook

    regime = request.args.get("regime") or "qd366-2025"
    if regime not in known_regimes():
        abort(404, description=f"không có quy định “{regime[:60]}”; có: {', '.join(known_regimes())}")
    workdir = Path(current_app.config["KIEMDIEM_WORKDIR"])
    (workdir / "so-trong").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=workdir / "so-trong"))  # one per request: two clicks never share a file
    try:
        data = write_workbook(folder / "so.xlsx", regime=regime).read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return attachment(data, f"so-dang-bo-{regime}.xlsx")


@bp.post("/so-dang-bo")
def bulk_start():
    upload = request.files.get("so")
    formats = tuple(f for f in FORMATS if f in request.form.getlist("dinh_dang"))
    problem = None
    data = upload.read() if upload is not None else b""
    if upload is None or not upload.filename:
        problem = "chưa chọn sổ Excel .xlsx"
    elif not formats:
        problem = "chọn ít nhất một định dạng (DOCX hoặc PDF)"
    else:
        try:
            check_workbook(data)
        except UploadRefused as exc:
            problem = str(exc)
    attachments = []
    if not problem:
        try:
            attachments = _attachments(request.files.getlist("kem_theo"))
        except UploadRefused as exc:
            problem = str(exc)
    if problem:
        return _bulk_page(problem), 400
    job = _jobs().start(data, formats, attachments)
    return redirect(url_for(".bulk_job", job_id=job.id), code=303)


def _attachments(files) -> list:
    kept = []
    for upload in files:
        if not upload.filename:  # the browser sends an empty part when no folder was chosen
            continue
        relative = attachment_path(upload.filename)
        if relative is None:
            continue
        data = upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise UploadRefused(f"tệp kèm theo “{relative}” lớn quá {MAX_BYTES // (1024 * 1024)} MB")
        kept.append((relative, data))
        if len(kept) > MAX_ATTACHMENTS:
            raise UploadRefused(f"quá {MAX_ATTACHMENTS} tệp kèm theo")
    return kept


def _job(job_id: str):
    job = _jobs().get(job_id)
    if job is None:
        abort(404, description="không có lượt in này (mã không đúng hoặc ứng dụng đã khởi động lại)")
    return job


@bp.get("/so-dang-bo/<job_id>")
def bulk_job(job_id: str):
    return render_template("ket_qua.html", job=_job(job_id))


@bp.get("/api/so-dang-bo/<job_id>")
def bulk_status(job_id: str):
    return jsonify(_job(job_id).as_dict())


@bp.get("/so-dang-bo/<job_id>/ket-qua.zip")
def bulk_archive(job_id: str):
    job = _job(job_id)
    if job.archive is None:
        abort(404, description="lượt in chưa xong hoặc không có tệp nén")
    return send_file(job.archive, mimetype="application/zip", as_attachment=True, download_name=job.archive.name)
