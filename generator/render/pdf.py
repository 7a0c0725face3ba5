"""PDF from templates/<form>/<form>.html and its CSS, via WeasyPrint.

The whole pipeline is here: Jinja renders HTML, WeasyPrint lays it out with one
shared FontConfiguration, and a URL fetcher that serves only the project's own
template files, so a document can never make WeasyPrint reach the network.
"""

from __future__ import annotations

import io
import logging
import mimetypes
import shutil
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..resources import templates_dir
from .environment import html_environment
from .unbroken import keep_symbols_whole, keep_tables_whole

LOGGER = logging.getLogger("kiemdiem.render.pdf")
ONE_SHEET = 2  # pages: a paper printed front and back
_NO_PAGE_NUMBER = "@page { @top-center { content: none !important; } }"  # a user stylesheet: !important wins
SERIF_FAMILIES = ("Times New Roman", "Liberation Serif", "Tinos")


class TemplateAssetFetcher(URLFetcher):
    """Serve ``file:`` URLs inside templates/ and refuse everything else."""

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        root = templates_dir().resolve()
        path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
        if path is None or not path.is_relative_to(root) or not path.is_file():
            raise ValueError(f"kiemdiem không tải tài nguyên ngoài thư mục mẫu: {url}")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})


class MissingFontError(RuntimeError):
    pass


@cache
def check_serif_font() -> str:
    """Name the Times-compatible family PDFs will embed, or explain how to install one."""
    if shutil.which("fc-list") is None:
        return SERIF_FAMILIES[0]
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    families = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    for family in SERIF_FAMILIES:
        if family in families:
            return family
    raise MissingFontError(
        "Thiếu phông Times New Roman (hoặc Liberation Serif, Tinos) để xuất PDF; "
        "trên Debian/Ubuntu: apt-get install fonts-liberation2"
    )


@cache
def _font_config() -> FontConfiguration:
    return FontConfiguration()


def render_pdf(form: str, context: dict, fillable: bool = False) -> bytes:
    """``fillable``: the context's form controls become AcroForm fields (kiemdiem blank --fillable)."""
    return render_pdf_counted(form, context, fillable=fillable)[0]


def render_pdf_counted(form: str, context: dict, template=None, fillable: bool = False) -> tuple[bytes, int]:
    """The PDF and its number of pages (a bulk run's manifest lists them).
    ``template``: a compiled user template instead of the form's own (same assets rule).
    A layout with ``trinh_bay.ban_sao`` (a secret ballot's copies) is laid out once and its pages repeated, so
    every copy is identical: unnumbered when it fits one sheet, numbered from 1 in each copy when longer."""
    family = check_serif_font()
    html = (template or html_environment().get_template(f"{form}/{form}.html")).render(context)
    html = keep_tables_whole(keep_symbols_whole(html))
    LOGGER.info("Bố cục PDF %s bằng phông %s", form, family)
    document = HTML(
        string=html,
        base_url=(templates_dir() / form).as_uri() + "/",
        url_fetcher=TemplateAssetFetcher(),
    )
    options = {"font_config": _font_config(), "pdf_forms": fillable or None}
    copies = (context.get("trinh_bay") or {}).get("ban_sao")
    if not copies:
        laid_out = document.render(**options)
        return laid_out.write_pdf(), len(laid_out.pages)
    # A ballot mostly fits one sheet: laid out unnumbered, and again with numbers only when it is longer.
    laid_out = document.render(stylesheets=[CSS(string=_NO_PAGE_NUMBER)], **options)
    if len(laid_out.pages) > ONE_SHEET:
        laid_out = document.render(**options)
    return repeat_pages(laid_out.write_pdf(), copies), len(laid_out.pages) * copies


def repeat_pages(pdf: bytes, times: int) -> bytes:
    """The document's pages ``times`` over, each copy the same objects (identical on paper)."""
    if times == 1:
        return pdf
    from pypdf import PdfReader, PdfWriter

    reader, writer = PdfReader(io.BytesIO(pdf)), PdfWriter()
    for _ in range(times):
        for page in reader.pages:
            writer.add_page(page)
    writer.add_metadata({k: v for k, v in (reader.metadata or {}).items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
