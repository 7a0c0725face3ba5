"""The record's tests run on SQLite and on a real PostgreSQL server.

PostgreSQL is Debian's ``postgresql`` (scripts/install-system-deps.sh installs it; when it is missing and
the tests run as root with apt-get, the fixture installs it). A throwaway cluster is made in a temporary
folder with initdb and pg_ctl — as the ``postgres`` user when the tests run as root, which initdb
refuses to be — listening on a Unix socket only, and removed at the end. Each test gets a database of
its own. The PostgreSQL variant is skipped, saying why, only where the server cannot be installed or
started.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from generator.history.location import from_text

_DATABASES = itertools.count()


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def _install() -> str | None:
    """Install Debian's postgresql when it is missing and we may; the reason when not."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "PostgreSQL chưa cài (cần gói postgresql: scripts/install-system-deps.sh, với quyền root)"
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    if done.returncode != 0:
        return f"không cài được PostgreSQL (apt-get install postgresql): {done.stderr.strip()[-300:]}"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a throwaway PostgreSQL server's maintenance database (skips, saying why, without one)."""
    bindir = _binaries()
    if bindir is None:
        reason = _install()
        bindir = _binaries()
        if bindir is None:
            pytest.skip(reason or "PostgreSQL: không thấy initdb sau khi cài")
    folder = Path(tempfile.mkdtemp(prefix="kiemdiem-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to the postgres user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            pytest.skip("PostgreSQL: chạy với quyền root nhưng không có người dùng postgres để chạy máy chủ")
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    try:
        subprocess.run(
            prefix
            + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-locale", "-E", "UTF8"],
            check=True,
            capture_output=True,
            text=True,
        )
        subprocess.run(
            prefix
            + [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-w",
                "-t",
                "60",
                "-o",
                f"-k {folder} -p {port} -c listen_addresses='' -c fsync=off",
                "start",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    except (subprocess.CalledProcessError, OSError) as error:
        log = (folder / "log").read_text(errors="replace")[-500:] if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        detail = getattr(error, "stderr", "") or str(error)
        pytest.skip(f"PostgreSQL: không khởi động được máy chủ thử ({detail.strip()[-300:]} {log})")
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run(
            prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the throwaway server."""
    import psycopg

    name = f"kiemdiem_{os.getpid()}_{next(_DATABASES)}"
    base, query = postgres_server.split("/postgres?")
    dsn = f"dbname=postgres host={query.split('host=')[1].split('&')[0]} port={query.split('port=')[1]} user=postgres"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'create database "{name}"')
    yield f"{base}/{name}?{query}"
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(params=["sqlite", "postgresql"])
def history(request, tmp_path):
    """What ``--history`` takes: a SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ho-so" / "history.sqlite")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def target(history):
    return from_text(history)
