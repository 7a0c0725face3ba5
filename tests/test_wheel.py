"""The built wheel carries templates/ and schemas/ and renders from anywhere."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.samples import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(dist.glob("kiemdiem-*.whl"))


def test_wheel_contains_templates_schemas_and_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "generator/_data/schemas/ban-tu-kiem-diem.schema.json",
        "generator/_data/templates/ban-tu-kiem-diem/ban-tu-kiem-diem.docx",
        "generator/_data/templates/ban-tu-kiem-diem/ban-tu-kiem-diem.html",
        "generator/_data/templates/_shared/hd36.css",
        "generator/_data/schemas/shared/to-chuc.defs.json",
        "generator/_data/templates/to-trinh-khen-thuong/to-trinh-khen-thuong.docx",
        "generator/regimes/qd366-2025.yaml",
        "generator/commendation/khen-thuong.yaml",
        "generator/commendation/luong-co-so.yaml",
        "generator/history/migrations/env.py",
        "generator/history/migrations/script.py.mako",
        "generator/history/migrations/versions/0001_the_record.py",
        "generator/history/migrations/versions/0002_member_positions.py",
    ):
        assert needed in names


def test_installed_wheel_renders_outside_the_checkout(wheel, tmp_path):
    """A fresh venv gets the wheel itself; its dependencies come from this test
    environment through a .pth file, so the test needs no network."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = subprocess.run(
        [str(env_dir / "bin" / "kiemdiem"), "render", str(EXAMPLES / "ban-tu-kiem-diem-02b.json"), "-o", "out"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert (work / "out" / "ban-tu-kiem-diem-02b.pdf").stat().st_size > 5000
    where = subprocess.run(
        [str(python), "-c", "import generator.resources as r; print(r.templates_dir())"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(env_dir) in where and str(ROOT / "templates") not in where
    # the record across years: its migrations come from the installed package and build the schema
    opened = subprocess.run(
        [
            str(python),
            "-c",
            "from generator.history.location import from_text; "
            "from generator.history.store import MIGRATIONS, open_store; "
            "open_store(from_text('ho-so.sqlite')).close(); print(MIGRATIONS)",
        ],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert opened.returncode == 0, opened.stderr
    assert str(env_dir) in opened.stdout and (work / "ho-so.sqlite").stat().st_size > 0
