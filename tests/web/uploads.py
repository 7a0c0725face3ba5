"""What the web tests upload: a ZIP built in memory, a fillable blank filled as a PDF viewer saves it."""

from __future__ import annotations

import io
import zipfile

from tests.blank.filling import ANSWERS_02B, fill


def zip_bytes(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP (an .xlsx, a .docx, a bomb) holding ``entries``, for the upload checks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as handle:
        for name, data in entries.items():
            handle.writestr(name, data)
    return out.getvalue()


def fill_02b(blank_pdf: bytes) -> bytes:
    """Mẫu 02B answered by a member (90,5 points, HTTNV proposed)."""
    return fill(blank_pdf, ANSWERS_02B, {"tu_xep_loai": "HTTNV", "vi_pham.suy_thoai": "khong"})
