"""The Flask app: its configuration, its pages (one blueprint each) and the hooks every request goes through.

Safe by default for a machine shared with a browser: cross-origin POSTs are refused
(Origin/Referer must be this app) and the Host header must be one of the app's own
names when it listens on loopback (no DNS rebinding), both in web/security.py; requests
are capped at ``MAX_UPLOAD``, and every file the app writes is under its working directory.
Templates are never uploaded: the app prints with kiemdiem's shipped templates
(and a shipped profile's), like ``kiemdiem render`` without ``--template``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Flask, Request
from jinja2 import StrictUndefined

from .bulk import bp as bulk
from .documents import bp as documents
from .jobs import Jobs
from .security import guard
from .uploads import MAX_UPLOAD


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
    app.config["KIEMDIEM_WORKDIR"] = workdir
    app.extensions["kiemdiem_jobs"] = Jobs(workdir)  # the bulk runs (web/bulk.py, web/prints.py)
    guard(app, allowed_hosts)

    app.register_blueprint(documents)  # the form page and the JSON endpoints it calls
    from .blanks import bp as blanks  # here: generator.blank loads the renderers, like the rest of the app

    app.register_blueprint(blanks)
    from .ballots import bp as ballots  # the "Phiếu biểu quyết" page: make ballots, count filled ones

    app.register_blueprint(ballots)
    app.register_blueprint(bulk)  # a whole đảng bộ from a workbook, in the background
    from .prints import bp as prints  # each chi bộ's print file of a bulk job

    app.register_blueprint(prints)
    return app
