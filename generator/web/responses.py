"""Files the app sends: one helper for every page (the pages import it, never the app itself)."""

from __future__ import annotations

from flask import Response

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def attachment(data: bytes, name: str) -> Response:
    """A file to download, its type from its name's ending (``name`` is ASCII, made by the app)."""
    return Response(
        data, mimetype=MIME[name.rsplit(".", 1)[1]], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
