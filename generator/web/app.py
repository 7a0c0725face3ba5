"""The Flask app: its pages and the bulk jobs (the form page and its JSON endpoints: web/documents.py).

Safe by default for a machine shared with a browser: cross-origin POSTs are refused
(Origin/Referer must be this app), the Host header must be one of the app's own
names when it listens on loopback (no DNS rebinding), requests are capped at
``MAX_UPLOAD``, and every file the app writes is under its working directory.
Templates are never uploaded: the app prints with kiemdiem's shipped templates
(and a shipped profile's), like ``kiemdiem render`` without ``--template``.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from flask import Flask, Request, abort, jsonify, redirect, render_template, request, send_file, url_for
from jinja2 import StrictUndefined

from ..load import MAX_BYTES
from ..pipeline import FORMATS
from .documents import bp as documents
from .jobs import Jobs
from .responses import attachment
from .security import guard
from .uploads import MAX_ATTACHMENTS, MAX_UPLOAD, UploadRefused, attachment_path, check_workbook


def default_workdir() -> Path:
    return Path(tempfile.gettempdir()) / "kiemdiem-web"


def _request_class(workdir: Path) -> type[Request]:
    """Requests whose uploads, when spooled to disk, are spooled inside the working directory."""
    spool = workdir / "tmp"

    class WorkdirRequest(Request):
        def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
            spool.mkdir(exist_ok=True)
            return tempfile.SpooledTemporaryFile(max_size=500 * 1024, dir=spool)  # noqa: SIM115 — Werkzeug closes it

    return WorkdirRequest


def create_app(workdir: str | Path | None = None, allowed_hosts: set[str] | None = None) -> Flask:
    """``allowed_hosts``: the host names the app answers to (``None``: any, for a non-loopback --host)."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_UPLOAD, JSON_SORT_KEYS=False)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.undefined = StrictUndefined  # a name a page forgot is an error, not an empty string
    workdir = Path(workdir or default_workdir()).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    app.request_class = _request_class(workdir)
    from .blanks import bp as blanks  # here: generator.blank loads the renderers, like the rest of the app
    app.register_blueprint(blanks)
    from .ballots import bp as ballots  # the "Phiếu biểu quyết" page: make ballots, count filled ones
    app.register_blueprint(ballots)
    from .prints import bp as prints  # each chi bộ's print file of a bulk job
    app.register_blueprint(prints)
    jobs = Jobs(workdir)
    app.extensions["kiemdiem_jobs"] = jobs
    app.config["KIEMDIEM_WORKDIR"] = workdir

    guard(app, allowed_hosts)
    app.register_blueprint(documents)  # the form page and the JSON endpoints it calls

    def _bulk_page(problem: str | None = None) -> str:
        from ..evaluate.regime import known_regimes, load_regime
        regimes = [{"id": r, "name": load_regime(r).name} for r in reversed(known_regimes())]
        return render_template("so_dang_bo.html", formats=FORMATS, max_mb=MAX_UPLOAD // (1024 * 1024), regimes=regimes,
                               problem=problem)

    @app.get("/so-dang-bo")
    def bulk_page():
        return _bulk_page()

    @app.get("/so-dang-bo/so-trong.xlsx")
    def blank_workbook():
        """``kiemdiem workbook-template --regime …``: an empty workbook to fill in Excel."""
        from ..evaluate.regime import known_regimes
        from ..workbook import write_workbook
        regime = request.args.get("regime") or "qd366-2025"
        if regime not in known_regimes():
            abort(404, description=f"không có quy định “{regime[:60]}”; có: {', '.join(known_regimes())}")
        (workdir / "so-trong").mkdir(exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=workdir / "so-trong"))  # one per request: two clicks never share a file
        try:
            data = write_workbook(folder / "so.xlsx", regime=regime).read_bytes()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return attachment(data, f"so-dang-bo-{regime}.xlsx")

    @app.post("/so-dang-bo")
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
        job = jobs.start(data, formats, attachments)
        return redirect(url_for("bulk_job", job_id=job.id), code=303)

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
        job = jobs.get(job_id)
        if job is None:
            abort(404, description="không có lượt in này (mã không đúng hoặc ứng dụng đã khởi động lại)")
        return job

    @app.get("/so-dang-bo/<job_id>")
    def bulk_job(job_id: str):
        return render_template("ket_qua.html", job=_job(job_id))

    @app.get("/api/so-dang-bo/<job_id>")
    def bulk_status(job_id: str):
        return jsonify(_job(job_id).as_dict())

    @app.get("/so-dang-bo/<job_id>/ket-qua.zip")
    def bulk_archive(job_id: str):
        job = _job(job_id)
        if job.archive is None:
            abort(404, description="lượt in chưa xong hoặc không có tệp nén")
        return send_file(job.archive, mimetype="application/zip", as_attachment=True, download_name=job.archive.name)

    return app
