"""A line of choices printed for a person to tick: "☐ Hoàn thành tốt nhiệm vụ   ☐ Hoàn thành nhiệm vụ".

One format for blanks and ballots; the HTML renderer keeps each option whole on its line
(``generator.render.environment.keep_options_whole``), so the separator is defined here once.
"""

from __future__ import annotations

UNCHECKED, CHECKED = "☐", "☒"
OPTION_GAP = "   "


def boxes(options, chosen=None) -> str:
    """ "☐ Hoàn thành xuất sắc nhiệm vụ   ☐ Hoàn thành tốt nhiệm vụ …" with the chosen one ticked."""
    return OPTION_GAP.join(f"{CHECKED if code == chosen else UNCHECKED} {label}" for code, label in options)
