"""A committee's own templates: checked (``kiemdiem template check``), printed in a
Jinja sandbox (``render --template``, a profile's ``mau_in``), and started from the
shipped ones (``kiemdiem template export``). The names are imported when first used:
the checker loads the renderers, which the CLI's option parser does not need."""

from __future__ import annotations

_HOMES = {
    "Report": "check",
    "check_template": "check",
    "export_template": "export",
    "TemplateRejected": "template",
    "UserTemplate": "template",
    "load_user_template": "template",
    "templates_for": "template",
}
__all__ = sorted(_HOMES, key=str.lower)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
