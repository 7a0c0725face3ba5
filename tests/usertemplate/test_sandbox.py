"""A template from elsewhere cannot reach Python, files or the network.

Each usual Jinja escape is refused by the check (exit 2, a Vietnamese reason, nothing
written, no traceback, no secret in the output); the sandbox refuses the same escapes
again at print time when the check is bypassed; and an asset whose URL is computed at
print time is refused by the PDF renderer's URL fetcher.
"""

from __future__ import annotations

import http.server
import io
import logging
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import load_document, prepare
from generator.cli import main
from generator.usertemplate.template import TemplateRejected, UserTemplate
from tests.samples import EXAMPLES
from tests.usertemplate.user_template_kit import add_docx_paragraph_first, edit_html, exported

DOC = EXAMPLES / "ban-tu-kiem-diem-02b.json"
FORM = "ban-tu-kiem-diem"
SECRET = "BÍ-MẬT-8731"

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{% include '/etc/passwd' %}",
    "{% include 'SECRET_FILE' %}",
    "{% import 'os' as os %}{{ os.system('id') }}",
    "{{ lipsum.__globals__ }}",
    "{{ ''.format.__self__ }}",
    "{{ chi_bo|attr('__class__') }}",
    "{{ 'x{0.__class__}'.format(nam) }}",
    "{% include chi_bo %}",
]


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def run(args: list[str], capsys) -> tuple[int, str]:
    status = main(args)
    out = capsys.readouterr()
    return status, out.out + out.err


def assert_refused(status: int, output: str, out_dir: Path) -> None:
    assert status == 2, output
    assert "mẫu in không dùng được" in output
    assert "Traceback" not in output and SECRET not in output and "root:" not in output
    assert not out_dir.exists()


@pytest.mark.parametrize("escape", ESCAPES)
def test_html_escapes_are_refused(tmp_path, capsys, escape, secret_file):
    escape = escape.replace("SECRET_FILE", str(secret_file))
    path = edit_html(exported(tmp_path, FORM, ".html"), "<body>", "<body>\n<p>" + escape + "</p>")
    status, output = run(["render", str(DOC), "--template", str(path), "-o", str(tmp_path / "out")], capsys)
    assert_refused(status, output, tmp_path / "out")
    status, output = run(["template", "check", str(path), "--form", FORM], capsys)
    assert status == 2 and "Traceback" not in output and SECRET not in output


@pytest.mark.parametrize("escape", ESCAPES)
def test_word_escapes_are_refused(tmp_path, capsys, escape, secret_file):
    escape = escape.replace("SECRET_FILE", str(secret_file))
    path = exported(tmp_path, FORM, ".docx")
    add_docx_paragraph_first(path, escape)
    status, output = run(["render", str(DOC), "--template", str(path), "-o", str(tmp_path / "out")], capsys)
    assert_refused(status, output, tmp_path / "out")


@pytest.mark.parametrize(
    "link",
    [
        '<link rel="stylesheet" href="file:///etc/passwd">',
        '<link rel="stylesheet" href="SECRET_FILE">',
        '<img src="http://127.0.0.1:9/x.png">',
        '<style>@import "https://example.org/a.css";</style>',
    ],
)
def test_html_links_to_files_and_the_network_are_refused(tmp_path, capsys, link, secret_file):
    link = link.replace("SECRET_FILE", secret_file.as_uri())
    path = edit_html(exported(tmp_path, FORM, ".html"), "<body>", "<body>\n" + link)
    status, output = run(["render", str(DOC), "--template", str(path), "-o", str(tmp_path / "out")], capsys)
    assert_refused(status, output, tmp_path / "out")
    assert "bị chặn" in output


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 — http.server's name
        type(self).hits += 1
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_assets_computed_at_print_time_are_refused_by_the_pdf_fetcher(tmp_path, capsys, caplog):
    """A URL the check cannot see (built by Jinja) still never loads: the PDF is made without it."""
    css = tmp_path / "secret.css"
    css.write_text(f'body::before {{ content: "{SECRET}"; }}', encoding="utf-8")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        links = (
            f"<link rel=\"stylesheet\" href=\"{{{{ 'file://' ~ '{css}' }}}}\">"
            f"<img src=\"{{{{ 'http://127.0.0.1:' ~ '{port}' }}}}/x.png\">"
        )
        path = edit_html(exported(tmp_path, FORM, ".html"), "<body>", "<body>\n" + links)
        with caplog.at_level(logging.WARNING, logger="weasyprint"):
            status, output = run(
                ["render", str(DOC), "--template", str(path), "--format", "pdf", "-o", str(tmp_path / "out")], capsys
            )
    finally:
        server.shutdown()
        server.server_close()
    assert status == 0, output
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO((tmp_path / "out" / "ban-tu-kiem-diem-02b.pdf").read_bytes())).pages
    )
    assert SECRET not in text and "Họ và tên" in text
    assert _Counter.hits == 0
    refused = [
        r.getMessage() for r in caplog.records if "kiemdiem không tải tài nguyên ngoài thư mục mẫu" in r.getMessage()
    ]
    assert any("secret.css" in m for m in refused) and any(f"127.0.0.1:{port}" in m for m in refused)


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler }}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ self._TemplateReference__context }}",
    ],
)
def test_the_sandbox_refuses_escapes_even_without_the_check(escape):
    prepared = prepare(load_document(DOC))
    template = UserTemplate("mau.html", "html", FORM, ("<p>" + escape + "</p>").encode("utf-8"))
    with pytest.raises(TemplateRejected) as caught:
        template.render(prepared.context)
    assert caught.value.reasons and "root:" not in str(caught.value)
