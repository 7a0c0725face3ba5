"""A result in the lines ``kiemdiem classify`` prints and the web page shows: one wording for both."""
from __future__ import annotations

from ..vietnamese import ngay_ngan, so, tien, tien_bang_chu


def score_line(evaluation) -> str:
    """"Tổng điểm: 88,5/100 (Nhóm tiêu chí chung 27/30; …)", numbers written the Vietnamese way."""
    parts = "; ".join(f"{p.label} {so(p.score)}/{so(p.max)}" for p in evaluation.parts)
    return f"Tổng điểm: {so(evaluation.score)}/{so(evaluation.max_score)} ({parts})"


def commendation_lines(document: dict, ev) -> list[str]:
    """A tờ trình's proposals with their awards and amounts, the total in figures and words, the quotas."""
    own = f"; dòng của {ev.wage['nguon']}" if ev.wage.get("nguon") else ""
    lines = [f"Tờ trình {document['so_ky_hieu']} — {ev.era['name']}",
             f"Tiền thưởng theo {ev.wage['name']} {tien(ev.wage['amount'])} ({ev.wage['decree']}{own}), ngày {ngay_ngan(ev.wage_date)}:"]
    lines += [f"  {ln.index}. {ln.name}: {ln.award} — {ln.achievement}; {so(ln.multiple)} × {so(ev.wage['amount'])} = {tien(ln.amount)}"
              for ln in ev.lines]
    lines.append(f"Tổng: {tien(ev.total)} ({tien_bang_chu(ev.total)})")
    lines += [f"Tỷ lệ {q}" for q in ev.quotas]
    return lines
