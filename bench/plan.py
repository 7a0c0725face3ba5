"""How the planning of ``kiemdiem bulk`` scales: validate, classify, vote, quota, lists, no DOCX/PDF.

    .venv/bin/python bench/plan.py                     # 10,000 and 100,000 members
    .venv/bin/python bench/plan.py --members 1000 10000

For each size it builds the synthetic đảng bộ of bench/bulk.py (đảng bộ cơ sở of 20 chi bộ × 25
members; ``--per-chi-bo 50`` for 100,000: the đảng bộ's own document, its tree of organisations, holds
at most 200,000 characters of text, about 3,800 organisations named as here) and, in a fresh process, runs what the parent of a bulk run does before anything is
rendered: the plan (bulk/plan.py: each member validated and rated, the chi bộ's vote, the quota
across each tổ chức cơ sở, the organisations scored, each document presented for its worker, the
danh sách of each scope) and the đảng bộ's reports' contexts. Printed per size: members, jobs,
seconds, members/s and the peak memory traced by ``tracemalloc`` (on from start to end, so the
seconds include its cost), for the plan and, apart, for building the đảng bộ's two reports at its end;
then the largest size against the smallest: the plan holds one tổ chức cơ sở at a time (what the reports
need is parked on disk, bulk/parked.py), so its memory should stay flat (≤ 1.2×) and time grow with the
members. The reports' contexts hold what the reports print — a line for every organisation, every member
without a result and every name in a quota — so theirs grows with the đảng bộ by nature.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bulk import ROOT, build  # noqa: E402  (bench/bulk.py: the same synthetic đảng bộ)

sys.path.insert(0, str(ROOT))


def child(folder: Path) -> dict:
    """Plan the đảng bộ in ``folder``, consuming every job as the runner would, without rendering."""
    from generator.bulk.plan import Planner
    from generator.bulk.runner import build_summary
    from generator.bulk.source import open_source
    from generator.present.summary import report_contexts

    tracemalloc.start()
    start = time.perf_counter()
    with open_source(folder) as source:
        planner = Planner(source)
        jobs = sum(1 for _ in planner.jobs())
        plan_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        reports = report_contexts(build_summary(planner))
        reports_peak = tracemalloc.get_traced_memory()[1]
    seconds = time.perf_counter() - start
    tracemalloc.stop()
    members = sum(planner.result.member_counts.values())
    return {
        "members": members,
        "jobs": jobs + len(reports),
        "seconds": seconds,
        "peak_mb": plan_peak / 2**20,
        "reports_mb": reports_peak / 2**20,
        "errors": len(planner.result.errors),
    }


def start(folder: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--child", str(folder)], stdout=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> dict:
    out, _ = process.communicate()
    if process.returncode:
        raise SystemExit(f"the plan failed ({process.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--per-chi-bo", type=int, default=25, help="members per chi bộ (default 25)")
    parser.add_argument("--at-once", action="store_true", help="plan the sizes side by side (one process each)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child))))
        return
    print(
        f"kiemdiem bulk planning benchmark (no DOCX/PDF) · {args.per_chi_bo} members a chi bộ · "
        f"peak memory traced by tracemalloc{' · sizes side by side' if args.at_once else ''}"
    )
    print(f"{'members':>8} {'jobs':>7} {'s':>8} {'members/s':>10} {'plan MB':>8} {'reports MB':>10} {'errors':>6}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="kiemdiem-plan-") as tmp:
        running = {}
        for members in sorted(args.members):
            folder = Path(tmp) / str(members)
            folder.mkdir()
            running[members] = start(build(folder, members, args.per_chi_bo))
            if not args.at_once:
                results[members] = finish(running.pop(members))
        results.update({members: finish(process) for members, process in running.items()})
    for members in sorted(results):
        r = results[members]
        print(
            f"{r['members']:>8} {r['jobs']:>7} {r['seconds']:>8.1f} {r['members'] / r['seconds']:>10.1f} "
            f"{r['peak_mb']:>8.1f} {r['reports_mb']:>10.1f} {r['errors']:>6}",
            flush=True,
        )
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        print(
            f"{sizes[-1]} vs {sizes[0]} members ({sizes[-1] / sizes[0]:.0f}×): time {large['seconds'] / small['seconds']:.2f}×, "
            f"seconds per member {large['seconds'] / large['members'] / (small['seconds'] / small['members']):.2f}×, "
            f"plan's peak memory {large['peak_mb'] / small['peak_mb']:.2f}× (goal ≤ 1.2×), "
            f"reports' {large['reports_mb'] / small['reports_mb']:.2f}× (what they print)"
        )


if __name__ == "__main__":
    main()
