"""A recording killed half-way leaves the record exactly as it was (one transaction), on SQLite and PostgreSQL;
the file holds personal data and is its owner's only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from generator.history.location import default_path, from_text, resolve
from generator.history.store import open_store
from tests.history.rows import many, run, snapshot

ROOT = Path(__file__).resolve().parents[2]
KILLED = 17

CHILD = (
    """
import os, sys
from generator.history import store
from generator.history.location import from_text
from tests.history.rows import many, run

written = []
def halfway(index):
    written.append(index)
    if index == 20:  # 21 of the 40 rows are in the transaction (replacements among them): the process dies
        os._exit(%d)
store.after_row = halfway
with store.open_store(from_text(sys.argv[1])) as record:
    record.record(run("lan-2.xlsx"), many(30, level="HTXSNV") + many(40)[30:])
print("not killed", written)
"""
    % KILLED
)


def test_a_run_killed_in_the_middle_of_recording_leaves_the_previous_state(target):
    with open_store(target) as store:
        store.record(run("lan-1.xlsx"), many(25))  # the previous state: 25 members rated HTTNV in 2025
        before = snapshot(store)
    assert len(before["outcomes"]) == 25
    child = subprocess.run(
        [sys.executable, "-c", CHILD, target.url if target.path is None else str(target.path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert child.returncode == KILLED, child.stdout + child.stderr
    if target.path is not None:  # the killed writer's journal is still there: the next opening rolls it back
        assert Path(f"{target.path}-journal").exists()
    with open_store(target) as store:
        assert snapshot(store) == before
        done = store.record(run("lan-2.xlsx"), many(30, level="HTXSNV") + many(40)[30:])  # the same, not killed
        assert (done.added, done.replaced, done.unchanged) == (15, 25, 0)
        after = snapshot(store)
        assert len(after["outcomes"]) == 25 + 25 + 15 and after["outcomes"][:25] != before["outcomes"]


def test_the_file_is_its_owners_only(tmp_path):
    target = from_text(str(tmp_path / "moi" / "thu-muc" / "history.sqlite"))
    with open_store(target) as store:
        store.record(run(), many(3))
    assert stat.S_IMODE(os.stat(target.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(target.path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(target.path.parent.parent).st_mode) == 0o700  # every folder it made
    assert not Path(f"{target.path}-journal").exists()


def test_where_the_record_is(tmp_path, monkeypatch):
    monkeypatch.delenv("KIEMDIEM_HISTORY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "kiemdiem" / "history.sqlite"
    assert resolve().path == tmp_path / "data" / "kiemdiem" / "history.sqlite"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert default_path() == Path.home() / ".local" / "share" / "kiemdiem" / "history.sqlite"
    monkeypatch.setenv("KIEMDIEM_HISTORY", str(tmp_path / "env.sqlite"))
    assert resolve().path == tmp_path / "env.sqlite"
    assert resolve(str(tmp_path / "option.sqlite")).path == tmp_path / "option.sqlite"  # the option wins
    assert resolve(str(tmp_path / "option.sqlite"), disabled=True) is None
    shared = resolve("postgresql://ban_to_chuc:mat-khau@10.0.0.5/ho_so")
    assert shared.url == "postgresql+psycopg://ban_to_chuc:mat-khau@10.0.0.5/ho_so" and shared.path is None
    assert shared.shown == "postgresql+psycopg://ban_to_chuc:***@10.0.0.5/ho_so"  # messages never show the password
    assert from_text("sqlite:////srv/h.sqlite").path == Path("/srv/h.sqlite")
