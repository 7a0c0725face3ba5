"""Run ``kiemdiem`` on hostile input in a child process with limits, and check how it ended.

A regression (a hang, memory growing without end) then fails its test within the
limits instead of taking the machine down. ``run`` gives the exit status, the output,
the time taken and the child's peak memory; ``assert_refused`` checks the contract for
a bad input: the expected exit status, the expected words, no traceback, no "lỗi không
mong đợi", nothing left in the output folder.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECONDS = 90  # one command; the slowest case (a template looping until its own clock stops it) takes ~5 s
ADDRESS_SPACE = 4 * 1024**3  # the child's virtual memory; WeasyPrint and its libraries map ~1 GB
PEAK_RSS = 1_500 * 1024**2  # what a refused input may make the process hold at most


@dataclass
class Ended:
    code: int
    out: str
    err: str
    seconds: float
    peak: int  # bytes of resident memory at most, of the command or its template child

    @property
    def text(self) -> str:
        return self.out + self.err


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(*args: str, cwd: Path | None = None, env: dict | None = None, seconds: float = SECONDS) -> Ended:
    """``kiemdiem ARGS`` in a child limited to ``ADDRESS_SPACE`` and ``seconds``; a child still running
    at ``seconds`` is killed and the test fails on its timeout."""
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limits,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    outputs: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name, pipe: outputs.__setitem__(name, pipe.read()), args=(name, pipe))
        for name, pipe in (("out", child.stdout), ("err", child.stderr))
    ]
    for reader in readers:
        reader.start()
    while True:  # wait4, not wait: its usage is this child's own (with its template children), not every child's
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > seconds:
            child.kill()
            os.wait4(child.pid, 0)
            raise AssertionError(f"kiemdiem {' '.join(args)[:200]} ran past {seconds} s")
        time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    child.stdout.close()
    child.stderr.close()
    return Ended(
        child.returncode,
        outputs["out"].decode("utf-8", "replace"),
        outputs["err"].decode("utf-8", "replace"),
        time.monotonic() - start,
        usage.ru_maxrss * 1024,
    )


def assert_refused(ended: Ended, *words: str, code: int = 2, out_dir: Path | None = None) -> None:
    """The contract for a bad input: exit ``code``, each of ``words`` said, no traceback, nothing written."""
    assert ended.code == code, (ended.code, ended.err[-2000:])
    assert "Traceback" not in ended.text and "lỗi không mong đợi" not in ended.text, ended.text[-2000:]
    for word in words:
        assert word in ended.text, (word, ended.text[-2000:])
    assert ended.peak <= PEAK_RSS, ended.peak
    if out_dir is not None and code == 2:
        left = [p for p in out_dir.rglob("*") if p.is_file()] if out_dir.exists() else []
        assert not left, left
