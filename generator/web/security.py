"""The hooks every response of the app goes through: who may ask, the headers, the error pages.

Cross-origin POSTs are refused (Origin/Referer must be this app), the Host header must be one of the
app's own names when it listens on loopback (no DNS rebinding), every response carries the "never
sniffed, never framed" headers (a route may allow its own framing, web/prints.py), and every error is
a page in Vietnamese, or a JSON ``{"error": …}`` under ``/api/``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, abort, jsonify, render_template, request
from flask.globals import request_ctx
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from .uploads import MAX_UPLOAD

ERROR_TITLES = {
    400: "Yêu cầu không hợp lệ",
    403: "Yêu cầu bị từ chối",
    404: "Không tìm thấy trang",
    405: "Không dùng được cách gửi này",
    413: "Tệp quá lớn",
    500: "Lỗi không mong đợi",
}


def _plain_page(title: str, detail: str) -> Response:
    """An error page that needs no URL building: for a request werkzeug could not route."""
    return Response(
        f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<h1>{escape(title)}</h1><p>{escape(detail)}</p></html>",
        mimetype="text/html",
    )


def guard(app: Flask, allowed_hosts: set[str] | None) -> None:
    """The hooks on ``app``. ``allowed_hosts`` is read on every request, so ``kiemdiem serve`` may fill it
    once the port is known; ``None``: any host (a non-loopback --host)."""

    @app.before_request
    def _same_origin_only():
        host = request.host.lower()
        if allowed_hosts is not None and host not in allowed_hosts:
            abort(400, description=f"tên máy “{host[:80]}” không phải của ứng dụng này")
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            origin = request.headers.get("Origin") or request.headers.get("Referer")
            if origin and (origin == "null" or urlsplit(origin).netloc.lower() != host):
                abort(403, description="yêu cầu gửi từ một trang khác bị từ chối (chỉ nhận từ chính ứng dụng này)")

    @app.after_request
    def _headers(response: Response):
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("X-Frame-Options", "DENY")  # a route may allow its own pages (web/prints.py)
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers.setdefault(
            "Content-Security-Policy",
            ("default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        )
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        title = ERROR_TITLES.get(error.code, "Lỗi")
        detail = (
            error.description
            if error.code != 413
            else (f"Mỗi lần gửi tối đa {MAX_UPLOAD // (1024 * 1024)} MB. Hãy chia nhỏ sổ Excel hoặc bớt tệp đính kèm.")
        )
        if error.code == 404 and detail and detail.startswith("The requested URL"):
            detail = "Địa chỉ này không có trong ứng dụng."
        if error.code == 405:
            detail = "Trang này không nhận yêu cầu gửi theo cách đó."
        if detail and detail.startswith("The browser (or proxy) sent a request"):  # werkzeug's words for a bad Host
            detail = "Yêu cầu gửi đến không đọc được (tên máy hay dữ liệu gửi kèm không hợp lệ)."
        if request.path.startswith("/api/"):
            return jsonify({"error": f"{title}: {detail}"}), error.code
        if request_ctx.url_adapter is None:  # a Host header werkzeug cannot route (a label over 63 characters)
            return _plain_page(title, detail), error.code
        return render_template("loi.html", code=error.code, title=title, detail=detail), error.code

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        message = " ".join(str(error).split()) or type(error).__name__
        app.logger.exception("lỗi không mong đợi")
        if request.path.startswith("/api/"):
            return jsonify({"error": f"Lỗi không mong đợi: {message}"}), 500
        return render_template("loi.html", code=500, title=ERROR_TITLES[500], detail=message), 500
