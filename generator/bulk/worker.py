"""The work a process (or a cluster worker) does: render a batch of ready documents to bytes.

Module-level and picklable, so any ``concurrent.futures`` executor — a local
process pool or a Dask cluster — can run it. The parent has already validated,
evaluated and presented each document (bulk/plan.py): a job comes with the
context its template prints, and the worker only renders (pipeline.render_counted). Each process compiles
a template once (the renderers cache it); the bytes go back to the parent, which
alone writes files, so workers need no access to the output folder (a local pool
writes them itself: see ``render_batch``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..pipeline import render_counted
from ..write import write_atomic
from .plan import Job
from .results import BatchResult


def render_batch(
    jobs: list[Job], formats: tuple[str, ...], templates: dict[str, dict] | None = None, out_dir: str | None = None
) -> list[BatchResult]:
    """One result per job, in order; ``templates``: the committee's own templates by form and format
    (checked once by the runner), for the forms of this batch.

    With ``out_dir`` (a local pool sharing the disk) the worker writes each file atomically
    and sends back only its sha256 and size: PDFs never travel through the parent, whose
    memory then stays flat. Without it (a cluster) the bytes come back to be written."""
    results = []
    for job in jobs:
        try:
            files, pages = render_counted(job.form, job.context, formats, (templates or {}).get(job.form))
        except InputError as error:
            results.append(BatchResult(job.path, problems=[str(p) for p in error.problems]))
            continue
        except Exception as error:  # one broken document must not stop the batch
            results.append(
                BatchResult(job.path, problems=[f"lỗi không lường trước khi in: {type(error).__name__}: {error}"])
            )
            continue
        if out_dir is None:
            results.append(BatchResult(job.path, files=files, pages=pages))
            continue
        written = {}
        for fmt, data in files.items():
            write_atomic(Path(out_dir) / f"{job.path}.{fmt}", data, durable=False)
            written[fmt] = (hashlib.sha256(data).hexdigest(), len(data))
        results.append(BatchResult(job.path, written=written, pages=pages))
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
