"""How fast ``kiemdiem`` starts: wall and CPU time of the commands a clerk runs one by one,
against a bare ``python -c pass`` measured in the same run (issue 16 §8: ``--help``,
``validate`` and ``classify`` under 0.3 s of CPU on this machine class).

    .venv/bin/python bench/startup.py [--runs 5]

Each command runs ``--runs`` times in a fresh interpreter; the least time of the runs is
printed (the others measure the machine's other work, not kiemdiem).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ban-tu-kiem-diem-02b.json"
GOAL_CPU = 0.3  # seconds, for --help, validate and classify


def _once(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        argv,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(argv: list[str], runs: int) -> tuple[float, float]:
    times = [_once(argv) for _ in range(runs)]
    return min(t[0] for t in times), min(t[1] for t in times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = [sys.executable]
    kiemdiem = python + ["-m", "generator"]
    with tempfile.TemporaryDirectory() as out:
        commands = [
            ("python -c pass", python + ["-c", "pass"], False),
            ("kiemdiem --help", kiemdiem + ["--help"], True),
            ("kiemdiem validate (02B)", kiemdiem + ["validate", str(EXAMPLE)], True),
            ("kiemdiem classify (02B)", kiemdiem + ["classify", str(EXAMPLE)], True),
            (
                "kiemdiem render --format pdf (02B)",
                kiemdiem + ["render", str(EXAMPLE), "--format", "pdf", "-o", out],
                False,
            ),
        ]
        print(f"{'command':38} {'wall s':>8} {'CPU s':>8} {'CPU over bare':>14}  goal")
        bare = None
        failed = False
        for name, argv, goal in commands:
            wall, cpu = measure(argv, args.runs)
            bare = cpu if bare is None else bare
            verdict = ""
            if goal:
                verdict = f"≤ {GOAL_CPU} s CPU: {'yes' if cpu <= GOAL_CPU else 'NO'}"
                failed |= cpu > GOAL_CPU
            print(f"{name:38} {wall:8.3f} {cpu:8.3f} {cpu - bare:14.3f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
