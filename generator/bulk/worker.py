"""The work a process (or a cluster worker) does: render a batch of documents to bytes.

Module-level and picklable, so any ``concurrent.futures`` executor — a local
process pool or a Dask cluster — can run it. Each process compiles a template
once (the renderers cache it) and then renders every document of every batch it
gets; the bytes go back to the parent, which alone writes files, so workers need
no access to the output folder (a local pool writes them itself: see ``render_batch``).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..pipeline import prepare
from ..render import RENDERERS
from ..render.pdf import render_pdf_counted
from ..write import write_atomic


def render_formats(form: str, context: dict, formats, custom: dict | None = None) -> tuple[dict[str, bytes], int | None]:
    """Each format's bytes, and the page count when a PDF is among them; ``custom``: the
    profile's own templates by format (generator/usertemplate)."""
    files, pages = {}, None
    for fmt in formats:
        if custom and fmt in custom:
            files[fmt], counted = custom[fmt].render_counted(context)
            pages = counted if fmt == "pdf" else pages
        elif fmt == "pdf":
            files[fmt], pages = render_pdf_counted(form, context)
        else:
            files[fmt] = RENDERERS[fmt](form, context)
    return files, pages


def render_batch(batch: list[tuple[str, dict, str | None, tuple[str, ...], str | None, dict | None]],
                 out_dir: str | None = None) -> list[dict]:
    """``batch``: (path, data, template, formats, profile, custom) items → one result per item, in order.
    ``data`` is a form's document, or with a ``template`` name the ready context of a list;
    ``custom`` the committee's own templates by format (checked once by the runner), or None.

    With ``out_dir`` (a local pool sharing the disk) the worker writes each file atomically
    and sends back only its sha256 and size: PDFs never travel through the parent, whose
    memory then stays flat. Without it (a cluster) the bytes come back to be written."""
    results = []
    for path, data, template, formats, profile, custom in batch:
        try:
            if template is None:
                prepared = prepare(data, profile)
                template, data = prepared.document["form"], prepared.context
            files, pages = render_formats(template, data, formats, custom)
        except InputError as error:
            results.append({"path": path, "problems": [str(p) for p in error.problems]})
            continue
        except Exception as error:  # one broken document must not stop the batch
            results.append({"path": path, "problems": [f"lỗi không lường trước khi in: {type(error).__name__}: {error}"]})
            continue
        if out_dir is None:
            results.append({"path": path, "files": files, "pages": pages})
            continue
        written = {}
        for fmt, data in files.items():
            write_atomic(Path(out_dir) / f"{path}.{fmt}", data, durable=False)
            written[fmt] = (hashlib.sha256(data).hexdigest(), len(data))
        results.append({"path": path, "written": written, "pages": pages})
    return results


def warm_up() -> None:
    """Compile every template once, before the first batch (a pool's initializer).

    A template that cannot be compiled is left for the documents that need it, which then
    report it one by one: an initializer that raises would break the whole pool."""
    from jinja2 import TemplateError
    from ..pipeline import renderable_forms
    from ..render.environment import html_environment
    for form in renderable_forms():
        try:
            html_environment().get_template(f"{form}/{form}.html")
        except TemplateError:
            continue
