"""Input files to output files: ``kiemdiem render``'s step, the pipeline with a committee's own
templates and the atomic writer. It sits above the pipeline (which never reads or writes a file
itself) and above ``usertemplate``, whose checker runs the pipeline on the shipped examples."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .load import load_document
from .pipeline import FORMATS, prepare, render
from .present.context import without_annex
from .write import write_all


def render_file(
    source: str | Path,
    out_dir: str | Path,
    formats=FORMATS,
    profile: str | None = None,
    templates=(),
    annex: bool = True,
    wages: list[dict] | None = None,
    notices: list[str] | None = None,
    record=None,
) -> list[Path]:
    """Render one input file into ``out_dir`` as <input name>.<format>; ``templates`` are
    user template files (.docx, .html) taking precedence over the profile's ``mau_in``;
    ``annex=False`` leaves out the “Phụ lục: căn cứ xếp loại” page (the official form only).
    The document's warning, if any, is appended to ``notices`` for the caller to print; ``record``: the
    record across years a tờ trình's years are checked against and filled from (pipeline.classify)."""
    from .usertemplate.template import templates_for  # a committee's own templates: loaded when printing

    source = Path(source)
    prepared = prepare(load_document(source), profile, wages, record)
    if notices is not None and prepared.notice:
        notices.append(prepared.notice)
    if not annex:
        prepared = replace(prepared, context=without_annex(prepared.context))
    rendered = render(prepared, formats, templates_for(prepared, profile, templates, formats))
    return write_all({Path(out_dir) / f"{source.stem}.{fmt}": data for fmt, data in rendered.items()})
