"""Where templates, schemas and regime data live, in a checkout and in a wheel.

The wheel carries ``templates/`` and ``schemas/`` under ``generator/_data/``
(hatchling force-include); a checkout keeps them at the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_yaml(path: Path):
    """A YAML file kiemdiem ships (regimes, tables), read with libyaml where PyYAML has it: the
    pure-Python reader takes most of ``kiemdiem validate``'s time on them. Never for a user's file
    (``load.plain_yaml`` reads those, with its own limits)."""
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def _first_existing(name: str) -> Path:
    for candidate in (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Không tìm thấy thư mục {name}/ của kiemdiem (cài đặt bị thiếu tệp).")


@cache
def templates_dir() -> Path:
    return _first_existing("templates")


@cache
def schemas_dir() -> Path:
    return _first_existing("schemas")


def regimes_dir() -> Path:
    return PACKAGE_DIR / "regimes"


def profiles_dir() -> Path:
    """Local committees' numbers on top of a regime (see generator/profiles/README.md)."""
    return PACKAGE_DIR / "profiles"


def commendation_dir() -> Path:
    """Commendation rules by date and the wage table bonuses are multiples of."""
    return PACKAGE_DIR / "commendation"
