"""Step 5 — render: DOCX (docxtpl) and PDF (WeasyPrint) from one presented context."""
from .docx import render_docx
from .pdf import render_pdf

RENDERERS = {"docx": render_docx, "pdf": render_pdf}

__all__ = ["RENDERERS", "render_docx", "render_pdf"]
