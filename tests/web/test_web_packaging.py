"""The wheel carries the web app's pages, scripts and styles (hatchling takes package data as is)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "generator" / "web"


def test_the_wheel_has_every_template_and_static_file(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    names = set(zipfile.ZipFile(next(tmp_path.glob("kiemdiem-*.whl"))).namelist())
    shipped = {p.relative_to(ROOT).as_posix() for folder in ("templates", "static") for p in (WEB / folder).iterdir()}
    assert shipped and shipped <= names
    assert {"generator/web/templates/mau.html", "generator/web/static/mau.js"} <= shipped
