"""Each chi bộ's print file from a finished bulk job (bulk/print_file.py): shown inside the result
page before it is downloaded, or downloaded.

The file is found by its number in the job's list, never by a name from the request. Shown inline,
it may be framed by this app's own pages only (``frame-ancestors 'self'``): every other response
keeps the app's "never framed" headers (app.py).
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, request, send_file

bp = Blueprint("prints", __name__)
FRAMED_BY_SELF = "default-src 'none'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'"


@bp.get("/so-dang-bo/<job_id>/in-ca-chi-bo/<int:number>.pdf")
def print_file(job_id: str, number: int):
    """``?tai-ve``: as a download (in-ca-<chi bộ's folder>.pdf); otherwise inline, for the preview."""
    job = current_app.extensions["kiemdiem_jobs"].get(job_id)
    if job is None or not 0 <= number < len(job.print_files):
        abort(404, description="không có tệp in này (lượt in chưa xong, mã không đúng hoặc ứng dụng đã khởi động lại)")
    folder = (job.folder / "ra").resolve()
    path = (folder / job.print_files[number]["path"]).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        abort(404, description="tệp in không còn trong thư mục làm việc")
    download = "tai-ve" in request.args
    response = send_file(
        path,
        mimetype="application/pdf",
        as_attachment=download,
        download_name=f"in-ca-{Path(job.print_files[number]['path']).parent.name}.pdf",
    )
    if not download:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Content-Security-Policy"] = FRAMED_BY_SELF
    return response
