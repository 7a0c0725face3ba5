"""Step 6: atomic writes with ordinary permissions."""
from __future__ import annotations

import os
import stat

import pytest

from generator.write import write_atomic


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "sub" / "a.pdf"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_permissions_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    def fail(*args):
        raise OSError("đĩa đầy")
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "a.pdf", b"x")
    assert list(tmp_path.iterdir()) == []
