"""What the browser needs to draw a form: the schema plus the chosen regime's rubric.

The page builds its fields from the form's JSON Schema (titles, descriptions, enums,
ranges). Some parts of a schema are open maps whose keys a regime fixes — the
scoring frame under ``diem``, the graded criteria under ``cap_do``, the numbered
items of a report's ``uu_diem`` — so the regime's own lists are sent alongside,
with each part's maximum. Nothing here decides validity: that stays in
``generator.validate`` and ``generator.evaluate``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evaluate.profile import ProfileError, known_profiles, load_profile
from ..evaluate.regime import load_regime
from ..forms import SUBJECT
from ..forms import form as registered
from ..pipeline import renderable_forms
from ..schema import choices, load_schema, node_at
from ..validate import DEFAULT_REGIME


def _variant_path(form: str) -> list[str] | None:
    """The field that picks a form's variant (Mẫu 02A/02B/02C, the kind of organisation or collective)."""
    role = registered(form).role
    return list(role) if role else None


def _subject(form: str) -> str | None:
    """The regime's subject a member's or an organisation's form is rated by (None for the other forms)."""
    entry = registered(form)
    return entry.subject if entry.kind == SUBJECT else None


class UnknownChoice(ValueError):
    """A form, regime or profile the app does not offer (never a path on disk)."""


def web_forms(forms: Sequence[str] = ()) -> list[dict]:
    """``forms`` (the printable ones by default) with their Vietnamese titles, for a form picker."""
    return [{"id": form, "title": load_schema(form).get("title", form)} for form in forms or renderable_forms()]


def _options(schema: dict, node: dict | None) -> list[dict]:
    return [{"const": code, "title": title} for code, title in choices(schema, node)]


def regime_options(form: str) -> list[dict]:
    """The regimes a form's schema accepts, as the schema titles them."""
    schema = load_schema(form)
    found = _options(schema, schema["properties"].get("regime"))
    return found or [{"const": DEFAULT_REGIME, "title": load_regime(DEFAULT_REGIME).name}]


def profile_options(regime: str) -> list[dict]:
    """The shipped profiles written for ``regime`` (a profile for another regime is refused anyway)."""
    out = []
    for profile in known_profiles():
        if load_profile(profile).regime == regime:
            out.append({"const": profile, "title": load_regime(regime, profile).profile or profile})
    return out


def _variant_options(form: str, schema: dict) -> list[dict]:
    path = _variant_path(form)
    return _options(schema, node_at(schema, path)) if path else []


def score_limits(form: str, rules) -> dict:
    """The most each score part of the regime allows, by JSON path ("$.diem.tieu_chi_chung.diem": 30)."""
    if _subject(form) is None:
        return {}
    parts = rules.subject(_subject(form)).get("score_parts") or []
    return {f"$.diem.{p['id']}.diem": p["max"] for p in parts}


def describe_form(form: str, regime: str | None = None, profile: str | None = None) -> dict:
    """The schema and the regime's lists for the page; ``UnknownChoice`` for anything not offered."""
    if form not in renderable_forms():
        raise UnknownChoice(f"không có mẫu “{form}”")
    regimes = regime_options(form)
    offered = [r["const"] for r in regimes]
    regime = regime or (DEFAULT_REGIME if DEFAULT_REGIME in offered else offered[-1])
    if regime not in offered:
        raise UnknownChoice(f"mẫu “{form}” không dùng quy định “{regime}”")
    profiles = profile_options(regime)
    if profile and profile not in [p["const"] for p in profiles]:
        raise UnknownChoice(f"không có hồ sơ “{profile}” cho quy định “{regime}”")
    try:
        rules = load_regime(regime, profile or None)
    except ProfileError as exc:
        raise UnknownChoice(str(exc)) from None
    schema = load_schema(form)
    maps, limits, variants = {}, {}, {}
    if _subject(form):
        subject = rules.subject(_subject(form))
        parts = subject.get("score_parts") or []
        maps["$.diem"] = [{"key": p["id"], "title": p["label"], "max": p["max"]} for p in parts]
        limits.update(score_limits(form, rules))
        maps["$.cap_do"] = [
            {"key": c["id"], "title": c["label"], "optional": bool(c.get("optional"))} for c in subject.criteria
        ]
        report = subject.get("report")
        if report:
            maps["$.uu_diem"] = [{"key": s["id"], "title": s["label"]} for s in report["strengths"]]
        variants = {role: v.get("form_code", "") for role, v in (subject.get("variants") or {}).items()}
    return {
        "form": form,
        "title": schema.get("title", form),
        "schema": schema,
        "regime": regime,
        "regimes": regimes,
        "profile": profile or None,
        "profiles": profiles,
        "variant_path": _variant_path(form),
        "variant_options": _variant_options(form, schema),
        "variant_codes": variants,
        "maps": maps,
        "limits": limits,
    }
