"""A local committee's profile (generator/profiles/*.yaml or a user's file), read once.

A profile names the regime it is written for, changes some of its numbers
(``overrides``), and may carry its own wage rows (``luong_co_so``) and commendation
quotas (``khen_thuong.quotas``). Every reader — the regime, the commendation rules,
the web's pickers — asks ``load_profile`` instead of reading the YAML itself, so one
file is found, read and refused the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..resources import profiles_dir


class ProfileError(ValueError):
    """A profile that cannot apply: unknown, unreadable, for another regime, or breaking the data."""


MAX_DEPTH = 32  # mappings and lists inside a profile; the shipped data nests 7 deep


def known_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.yaml"))


def depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deep ``value`` nests, counted without recursion and stopping past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            if level > limit:
                return level
            stack.extend((child, level + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def read_yaml(path: Path, what: str = "hồ sơ quy định", mapping: bool = True) -> Any:
    """A committee's YAML file (a profile, a wage table): a regular file of at most 1 MB, plain YAML
    (no aliases, dates as text), a mapping nesting at most ``MAX_DEPTH`` deep; ``ProfileError`` otherwise."""
    from ..errors import InputError
    from ..inputfile import read_bytes
    from ..load import plain_yaml

    try:
        text = read_bytes(path, what, "profile").decode("utf-8-sig")
    except InputError as exc:
        raise ProfileError(f"không đọc được {what} {path}: {exc.problems[0].reason}") from None
    except UnicodeDecodeError:
        raise ProfileError(f"{what} {path} không phải văn bản UTF-8") from None
    try:
        data = plain_yaml(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"{what} {path} không phải YAML hợp lệ: {exc}") from None
    except RecursionError:
        raise ProfileError(f"{what} {path} lồng nhau quá sâu") from None
    if mapping and not isinstance(data, dict):
        raise ProfileError(f"{what} {path} phải là một đối tượng YAML")
    if depth(data) > MAX_DEPTH:
        raise ProfileError(f"{what} {path} lồng nhau quá sâu (quá {MAX_DEPTH} cấp)")
    return data


def profile_path(profile: str | Path) -> Path:
    """A shipped profile by id, or a file the user points to."""
    shipped = profiles_dir() / f"{profile}.yaml"
    try:
        if isinstance(profile, str) and "/" not in profile and shipped.is_file():
            return shipped
        path = Path(profile)
        if path.exists():
            return path  # read_yaml says what is wrong with anything that is not a regular file
    except (OSError, ValueError):
        raise ProfileError(f"tên hồ sơ quy định không hợp lệ hoặc quá dài: {str(profile)[:120]}") from None
    raise ProfileError(f"không có hồ sơ quy định {profile!s}; có sẵn: {', '.join(known_profiles()) or 'không'}")


@dataclass(frozen=True)
class Profile:
    path: Path
    data: dict  # the whole file, as read

    @property
    def name(self) -> str:
        """What the committee calls it (its ``name``, else the file's stem)."""
        return self.data.get("name", self.path.stem)

    @property
    def regime(self) -> Any:
        """The regime it is written for (as written: a profile for another one is refused by the regime)."""
        return self.data.get("regime")

    @property
    def overrides(self) -> Any:
        return self.data.get("overrides", {})

    @property
    def commendation_quotas(self) -> dict:
        return (self.data.get("khen_thuong") or {}).get("quotas") or {}


def load_profile(profile: str | Path) -> Profile:
    """The profile named by id or path, read once while its file is unchanged; ``ProfileError`` otherwise."""
    path = profile_path(profile)
    try:
        seen = path.stat()
        stamp = (seen.st_mtime_ns, seen.st_size)
    except OSError:
        stamp = None  # read_yaml says why
    return _read(path, stamp)


@lru_cache(maxsize=64)
def _read(path: Path, stamp) -> Profile:
    return Profile(path, read_yaml(path))
