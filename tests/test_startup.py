"""A command loads only what it needs (issue 16 §8): checking and classifying never load a
renderer, the web app, the spreadsheet and PDF readers or the record's database layer (SQLAlchemy,
Alembic: issue 17); bench/startup.py measures the time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ban-tu-kiem-diem-02b.json"
HEAVY = ("weasyprint", "docxtpl", "docx", "flask", "openpyxl", "pypdf", "sqlalchemy", "alembic")
PROBE = """
import contextlib, io, json, sys
from generator.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        status = main(sys.argv[1:])
    except SystemExit as exit_:  # --help
        status = exit_.code
print(json.dumps({"status": status, "loaded": [m for m in %r if m in sys.modules]}))
""" % (HEAVY,)


def loaded_by(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("validate", str(EXAMPLE)),
        ("validate", str(ROOT / "examples" / "to-trinh-khen-thuong-2025.yaml")),  # no record yet: no SQLAlchemy
        ("classify", str(EXAMPLE)),
        ("classify", str(EXAMPLE), "--json"),
        ("regime", "qd366-2025"),
        ("schema", "ban-tu-kiem-diem"),
    ],
)
def test_checking_and_classifying_load_no_renderer(argv):
    found = loaded_by(*argv)
    assert found == {"status": 0, "loaded": []}


def test_rendering_still_loads_its_renderer(tmp_path):
    found = loaded_by("render", str(EXAMPLE), "--format", "docx", "-o", str(tmp_path))
    assert found["status"] == 0 and "docxtpl" in found["loaded"] and "weasyprint" not in found["loaded"]


def test_the_package_names_its_api_without_loading_it():
    probe = (
        "import sys, generator; names = generator.__all__; "
        "assert 'weasyprint' not in sys.modules; "
        "from generator import evaluate, validate, prepare, render, InputError, FORMATS; "
        "assert callable(evaluate) and callable(validate) and FORMATS == ('docx', 'pdf'); "
        "import generator.pipeline, generator.evaluate; from generator import evaluate as again; "
        "assert again is evaluate and callable(again); print(sorted(names))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "render_file" in done.stdout


def test_bulk_without_the_record_loads_no_database_layer(tmp_path):
    workbook = ROOT / "examples" / "dang-bo-2025.xlsx"
    found = loaded_by("bulk", str(workbook), "--format", "docx", "-o", str(tmp_path / "out"), "--no-history")
    assert found["status"] == 0 and "docxtpl" in found["loaded"]
    assert "sqlalchemy" not in found["loaded"] and "alembic" not in found["loaded"]
    assert not (tmp_path / "history.sqlite").exists()


def test_the_record_loads_its_database_layer_only_when_it_is_read(tmp_path):
    assert loaded_by("history", "template", "-o", str(tmp_path / "mau.xlsx"))["loaded"] == ["openpyxl"]
    found = loaded_by("history", "show", "--history", str(tmp_path / "h.sqlite"), "--nam", "2025")
    assert found["status"] == 0 and not (tmp_path / "h.sqlite").exists()  # nothing recorded: nothing is created
