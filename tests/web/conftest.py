"""Web app fixtures: Flask's test client, and a live server driven by Debian's Chromium.

The browser tests run by default (``make test``, CI); deselect them locally with
``-m "not browser"``. Chromium is launched from /usr/bin/chromium (the Debian package,
installed by scripts/install-system-deps.sh), never downloaded by Playwright.
"""

from __future__ import annotations

import threading

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from generator.web.app import create_app
from generator.web.commands import loopback_hosts

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BufferedClient(FlaskClient):
    """A test client whose responses are read whole and closed: a file the app sends (a static file, a
    download) is closed at once instead of warning when collected (pytest turns warnings into errors)."""

    def open(self, *args, buffered=True, **kwargs):
        return super().open(*args, buffered=buffered, **kwargs)


@pytest.fixture(autouse=True)
def buffered_responses(monkeypatch):
    monkeypatch.setattr(Flask, "test_client_class", BufferedClient)


@pytest.fixture
def app(tmp_path):
    return create_app(tmp_path / "workdir")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app on a free loopback port, in a thread, with the Host check of ``kiemdiem serve``."""
    workdir = tmp_path_factory.mktemp("web") / "workdir"
    hosts: set[str] = set()
    app = create_app(workdir, hosts)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    hosts.update(loopback_hosts(server.port))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.port}", "workdir": workdir}
    server.shutdown()
    app.extensions["kiemdiem_jobs"].shutdown()


@pytest.fixture(scope="session")
def browser():
    """Chromium, one for the whole session (a second ``sync_playwright()`` inside the first one's
    event loop is refused)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page_in(browser, locale: str):
    """A fresh browser context's page in ``locale``; JavaScript errors on it fail the test."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, accept_downloads=True, locale=locale)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(30_000)
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser, live_server):
    yield from _page_in(browser, "vi-VN")


@pytest.fixture(params=["en-US", "vi-VN"])
def page_in_locale(request, browser, live_server):
    """A page in an English and in a Vietnamese browser: dates and numbers must be read the same in both."""
    yield from _page_in(browser, request.param)
