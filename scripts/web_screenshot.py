"""Regenerate docs/web-app.png: the form page of ``kiemdiem serve`` with the 02B example checked.

Run from the checkout: ``.venv/bin/python scripts/web_screenshot.py [docs/web-app.png]``
(needs /usr/bin/chromium and the ``test`` extra's Playwright).
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.web.app import create_app  # noqa: E402

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(target: str = "docs/web-app.png") -> None:
    with tempfile.TemporaryDirectory() as workdir:
        server = make_server("127.0.0.1", 0, create_app(workdir), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1000, "height": 760}, locale="vi-VN")
                page.goto(f"http://127.0.0.1:{server.port}/")
                page.locator("#mo-tep").set_input_files(str(ROOT / "examples" / "ban-tu-kiem-diem-02b.json"))
                expect(page.locator("#trang-thai")).to_have_text(re.compile("^Đã mở"))
                page.click("#kiem-tra")
                expect(page.locator("#trang-thai")).to_have_text(re.compile("^Hợp lệ"))
                png = page.screenshot()
                browser.close()
        finally:
            server.shutdown()
    # 256 colours are plenty for a page of text: a third of the size in the README
    Image.open(io.BytesIO(png)).quantize(256).save(ROOT / target, optimize=True)
    print(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
