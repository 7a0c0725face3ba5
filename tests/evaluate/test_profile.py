"""generator/evaluate/profile.py: one reader of a committee's profile for every layer."""

from __future__ import annotations

import os

import pytest

from generator.evaluate import profile as profiles
from generator.evaluate.profile import ProfileError, known_profiles, load_profile


def test_every_shipped_profile_names_its_regime_and_its_committee():
    assert known_profiles()
    for name in known_profiles():
        found = load_profile(name)
        assert found.regime and found.name and found.path.name == f"{name}.yaml"


def test_a_file_is_read_once_while_unchanged_and_again_when_edited(tmp_path, monkeypatch):
    path = tmp_path / "ho-so.yaml"
    path.write_text("name: Đảng ủy xã A\nregime: qd366-2025\nkhen_thuong:\n  quotas: {}\n", encoding="utf-8")
    reads = []
    real = profiles.read_yaml
    monkeypatch.setattr(profiles, "read_yaml", lambda p, *a, **k: reads.append(p) or real(p, *a, **k))
    profiles._read.cache_clear()
    first, second = load_profile(str(path)), load_profile(str(path))
    assert first is second and len(reads) == 1 and first.name == "Đảng ủy xã A" and first.commendation_quotas == {}
    path.write_text("name: Đảng ủy xã B\nregime: qd124-2023\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different stamp even within the clock's tick
    edited = load_profile(str(path))
    assert len(reads) == 2 and edited.name == "Đảng ủy xã B" and edited.regime == "qd124-2023"


def test_an_unknown_profile_says_which_exist():
    with pytest.raises(ProfileError, match="không có hồ sơ quy định khong-co; có sẵn: "):
        load_profile("khong-co")
